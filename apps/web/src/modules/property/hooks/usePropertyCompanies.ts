import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPropertyCompany, createPropertyContract, deletePropertyContract, findPropertyCompanies } from '../api/property.api';

/** Property companies with their contracts. */
export function usePropertyCompanies() {
  return useQuery({ queryKey: ['property-companies'], queryFn: findPropertyCompanies });
}

/** Create company / create or delete contract; each refreshes the list. */
export function usePropertyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['property-companies'] });
  return {
    createCompany: useMutation({ mutationFn: createPropertyCompany, onSuccess }),
    createContract: useMutation({ mutationFn: createPropertyContract, onSuccess }),
    deleteContract: useMutation({ mutationFn: deletePropertyContract, onSuccess }),
  };
}

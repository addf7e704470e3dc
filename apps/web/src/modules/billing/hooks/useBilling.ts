import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as billingApi from '../api/billing.api';

/** Bills of the signed-in user (or of an operator's parks). */
export function useBills(q: billingApi.BillQuery) {
  return useQuery({ queryKey: ['bills', q], queryFn: () => billingApi.findBills(q) });
}

export function usePayments(q: billingApi.PaymentQuery) {
  return useQuery({ queryKey: ['payments', 'list', q], queryFn: () => billingApi.findPayments(q) });
}

/** A payment, asked again every two seconds while pending (the provider's notification is asynchronous). */
export function usePayment(id: string | undefined) {
  return useQuery({
    queryKey: ['payments', 'detail', id],
    queryFn: () => billingApi.getPayment(id!),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 2000 : false),
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({ queryKey: ['payments', 'receipt', id], queryFn: () => billingApi.getReceipt(id!), enabled: !!id });
}

export function useReconciliation(from: string, to: string) {
  return useQuery({ queryKey: ['payments', 'reconciliation', from, to], queryFn: () => billingApi.getReconciliation(from, to) });
}

/** Checkout, cancel, refund, issue, void, generate; each refreshes bills and payments. */
export function useBillingMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['bills'] }), queryClient.invalidateQueries({ queryKey: ['payments'] })]);
  return {
    checkout: useMutation({ mutationFn: (input: { billIds: string[]; idempotencyKey: string }) => billingApi.checkout(input.billIds, input.idempotencyKey), onSuccess }),
    // Refreshed on failure too: a 409 `already_paid` means the payment is now paid.
    cancel: useMutation({ mutationFn: (id: string) => billingApi.cancelPayment(id), onSettled: onSuccess }),
    refund: useMutation({ mutationFn: (input: { id: string; amountFen: number; reason?: string; idempotencyKey: string }) => billingApi.refundPayment(input.id, input), onSuccess }),
    createBill: useMutation({ mutationFn: billingApi.createBill, onSuccess }),
    voidBill: useMutation({ mutationFn: billingApi.voidBill, onSuccess }),
    generate: useMutation({ mutationFn: billingApi.generateBills, onSuccess }),
  };
}

/** The statement of one month (`YYYY-MM`). */
export function useStatement(period: string) {
  return useQuery({ queryKey: ['bills', 'statement', period], queryFn: () => billingApi.getStatement(period) });
}

import { useMemo } from 'react';
import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useTranslation } from 'react-i18next';
import { FORM_CUSTOM_FORMATS, formJsonSchema, type FormDefinition } from '@parkos/contracts';
import { formLocaleOf, formUiSchema, translateFormErrors } from '../utils/form-schema';
import { FileReferenceWidget } from './FileReferenceWidget';
import { MoneyWidget } from './MoneyWidget';
import { NumberWidget } from './NumberWidget';

// The same formats the server's Ajv knows, so browser and server agree on what is valid.
const validator = customizeValidator({ customFormats: Object.fromEntries(Object.entries(FORM_CUSTOM_FORMATS).map(([k, v]) => [k, new RegExp(v)])) });
const widgets = { money: MoneyWidget, fileReference: FileReferenceWidget, number: NumberWidget };

interface SchemaFormProps {
  /** The form to draw; titles follow the UI language. */
  definition: FormDefinition;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** Called with values that passed validation in the browser (or unchecked ones when `isBrowserValidationOff`). */
  onSubmit: (values: Record<string, unknown>) => void;
  /** Errors the server named, shown under their fields (see serverErrorSchema). */
  serverErrors?: ErrorSchema;
  /** Skip validation in the browser, e.g. to try the server's. */
  isBrowserValidationOff?: boolean;
  isSubmitting?: boolean;
}

/** Draws a form definition with react-jsonschema-form's Ant Design theme, messages in the UI language. */
export function SchemaForm({ definition, values, onChange, onSubmit, serverErrors, isBrowserValidationOff, isSubmitting }: SchemaFormProps) {
  const { t, i18n } = useTranslation();
  const locale = formLocaleOf(i18n.language);
  const schema = useMemo(() => formJsonSchema(definition, locale) as RJSFSchema, [definition, locale]);
  const uiSchema = useMemo(() => ({ ...formUiSchema(definition, t), 'ui:submitButtonOptions': { submitText: t('forms.preview.submit'), props: { type: 'primary', loading: isSubmitting } } }), [definition, t, isSubmitting]);
  return (
    <Form
      // A new key when fields change resets rjsf's internal error state, which would otherwise name removed fields.
      key={`${locale}:${definition.fields.map((f) => `${f.key}/${f.type}`).join(',')}`}
      schema={schema}
      uiSchema={uiSchema}
      formData={values}
      validator={validator}
      widgets={widgets}
      noValidate={isBrowserValidationOff}
      showErrorList={false}
      // The browser's own bubbles would stop the submit in the browser's language; rjsf names each field instead.
      noHtml5Validate
      // rjsf would otherwise fill an optional select with its first option, choosing for the person.
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never', emptyObjectFields: 'skipDefaults' }}
      focusOnFirstError
      extraErrors={serverErrors}
      transformErrors={(errors) => translateFormErrors(t, errors)}
      onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(e) => onSubmit((e.formData ?? {}) as Record<string, unknown>)}
    />
  );
}

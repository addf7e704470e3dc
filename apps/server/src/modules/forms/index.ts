/**
 * Forms (表单): service and declaration forms that operators build in the designer, without writing a schema.
 *
 * - A definition is a list of fields (`FormDefinition` in @parkos/contracts: key, type, label zh/en, required,
 *   options, min/max, maxLength). A feature stores it in its own table and checks it on save by putting
 *   `formDefinitionSchema` in its route's body schema: a bad definition gets a 400 naming the field
 *   (`body.<where>.fields.2.options`).
 * - `formJsonSchema(definition)` (from @parkos/contracts, so the web app renders the very same schema) gives the
 *   draft-07 JSON Schema.
 * - `assertValidSubmission(schema, values)` validates submitted values with Ajv and throws the ParkOS 400 with
 *   one entry per field, `body.values.<key>`, message a code from FORM_ISSUE_CODES that the web app translates;
 *   NUL characters and submissions above FORM_LIMITS.maxSubmissionBytes are refused. `validateSubmission` returns
 *   the issues instead of throwing.
 * - A `file` field holds a files-module id; the feature attaches it (`files.attach`) when it saves the submission.
 * - `POST /api/forms/check` validates a definition and values without storing anything (the designer's preview).
 */
export { formJsonSchema, FORM_FIELD_TYPES, FORM_LIMITS, type FormDefinition, type FormField, type FormJsonSchema } from '@parkos/contracts';
export { formDefinitionSchema, formFieldSchema, formValuesSchema } from './forms.schema';
export { validateSubmission, assertValidSubmission, FORM_ISSUE_CODES, type FormFieldIssue, type FormIssueCode, type SubmissionResult } from './form-validation';
export { formRoutes } from './forms.routes';

export { createOpenApiRouter } from './router.js'
export { buildGroupVersionDocuments, type GroupVersionDocument, type OpenApiDocument } from './documents.js'
export { findUnknownFields } from './unknown-fields.js'
export { typeDefinitions, definitionNameForKind, type OpenApiSchema, type Definitions } from './type-definitions.js'

// Spectral function for the rule archforge-security-scheme-defined in ../.spectral.yaml: it does what
// spectral:oas's oas3-operation-security-defined does, except that it accepts scopes on openIdConnect
// schemes, as OpenAPI 3.0.3 allows ("If the security scheme is of type "oauth2" or "openIdConnect",
// then the value is a list of scope names required for the execution"). The built-in rule only looks
// for scopes under oauth2 flows, so it flags every OIDC scope (stoplightio/spectral#2566).
//
// Input: one Security Requirement Object ({ schemeName: [scopes] }).
export default function securitySchemeDefined(requirement, _options, context) {
  if (requirement === null || typeof requirement !== 'object' || Array.isArray(requirement)) {
    return [];
  }
  const data = context.document.data;
  const schemes = data && data.components && data.components.securitySchemes;
  const results = [];
  for (const [name, scopes] of Object.entries(requirement)) {
    const scheme = schemes && Object.prototype.hasOwnProperty.call(schemes, name) ? schemes[name] : undefined;
    if (scheme === undefined || scheme === null || typeof scheme !== 'object') {
      results.push({
        message: `"${name}" is not a scheme defined in components.securitySchemes.`,
        path: [...context.path, name],
      });
      continue;
    }
    if (!Array.isArray(scopes)) {
      continue; // the OpenAPI schema rules report the wrong type
    }
    scopes.forEach((scope, i) => {
      if (scheme.type === 'oauth2') {
        const flows = scheme.flows && typeof scheme.flows === 'object' ? Object.values(scheme.flows) : [];
        if (!flows.some((f) => f && f.scopes && Object.prototype.hasOwnProperty.call(f.scopes, scope))) {
          results.push({
            message: `"${scope}" is not a scope of any flow of the oauth2 scheme "${name}".`,
            path: [...context.path, name, i],
          });
        }
      } else if (scheme.type !== 'openIdConnect') {
        results.push({
          message: `"${name}" is a ${scheme.type} scheme: OpenAPI 3.0 allows scopes only for oauth2 and openIdConnect.`,
          path: [...context.path, name, i],
        });
      }
    });
  }
  return results;
}

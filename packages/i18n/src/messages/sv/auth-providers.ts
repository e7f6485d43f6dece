// Login providers (issue 3): step-up before a person-level export, recovery codes at a step-up, and signing in
// with the municipality's e-legitimation (OpenID Connect). Keys must match en/auth-providers.ts (a test checks).
export const authProviders = {
  stepUp: {
    codeHint: 'Sex siffror från autentiseringsappen, eller en av dina reservkoder (den kan bara användas en gång). Koden gäller i {{minutes}} minuter.',
    oidcButton: 'Bekräfta med e-legitimation',
    oidcLead: 'Du skickas till e-legitimationen för att logga in igen och kommer sedan tillbaka hit. Bekräftelsen gäller i {{minutes}} minuter.',
    oidcOr: 'Eller bekräfta med e-legitimation i stället för koden:',
    oidcFailed: 'Bekräftelsen med e-legitimation gick inte att slutföra. Försök igen.',
    oidcDone: 'Du har bekräftat med e-legitimation. Bekräftelsen gäller i {{minutes}} minuter.',
  },
  export: {
    title: 'Ladda ner kostnadsredovisningen',
    lead: 'Filen gäller ett enskilt ärende och lämnar systemet. Ange din engångskod igen innan du laddar ner. Nedladdningen loggas.',
    stepUpFirst: 'Ange din engångskod för att ladda ner filen.',
  },
  oidc: {
    button: 'Logga in med e-legitimation',
    or: 'eller',
    failed: 'Inloggningen med e-legitimation gick inte att slutföra. Försök igen eller logga in med e-post och lösenord.',
  },
};

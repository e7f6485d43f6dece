export const auth = {
  title: 'Logga in',
  intro: 'Logga in med din e-postadress och ditt lösenord.',
  email: 'E-postadress',
  password: 'Lösenord',
  submit: 'Logga in',
  // Same text for unknown account and wrong password, so the form does not reveal who has an account.
  failed: 'Fel e-postadress eller lösenord.',
  loggedOut: 'Du är nu utloggad.',
  wrongPortalHint:
    'Socialtjänsten och samverkanspartner (polis, frivård och skola) har var sin inloggning. Kontrollera att du är på rätt webbadress.',
};

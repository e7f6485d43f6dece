// Shown on error pages and in notices: say what happened and what the person can do next.
export const error = {
  notFound: 'Sidan finns inte. Kontrollera adressen eller gå till startsidan.',
  forbidden: 'Du har inte behörighet till det här. Kontakta din administratör om du behöver tillgång.',
  unauthorized: 'Du behöver logga in för att fortsätta.',
  conflict: 'Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan och gör ändringen igen.',
  badRequest: 'Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.',
  internal: 'Något gick fel hos oss. Försök igen om en stund. Kontakta supporten om felet finns kvar.',
  invalidTransition: 'Ärendet har redan ändrats och det här steget går inte längre. Ladda om sidan för att se läget nu.',
  rateLimited: 'För många försök på kort tid. Vänta en kvart och försök igen.',
  sessionExpired: 'Du har loggats ut eftersom du inte använt tjänsten på en stund. Logga in igen.',
  duplicate: 'Det här finns redan registrerat. Sök upp det befintliga i stället för att skapa ett nytt.',
  idempotencyKeyReused: 'Formuläret har redan skickats med andra uppgifter. Öppna ett nytt formulär om du vill skicka något mer.',
  draftSourceMismatch: 'Utkastet hör till ett annat formulär. Öppna det från listan över utkast.',
  clockNotApplicable: 'Den händelsen gäller bara orosanmälningar om barn.',
  clockAlreadyRecorded: 'Händelsen är redan registrerad. Ladda om sidan för att se den.',
  qualifiedSocialWorkerRequired: 'Bedömningar som gäller barn görs av en socialsekreterare med socionomexamen. Be en behörig kollega.',
  assignmentUnchanged: 'Hänvisningen är redan tilldelad så. Välj en annan enhet eller handläggare.',
};

// Each message tells the person what to do, and reads well both beside the field and in the error summary.
export const validation = {
  required: 'Fyll i det här fältet.',
  tooLong: 'Texten är för lång. Skriv högst {{max}} tecken.',
  tooShort: 'Texten är för kort. Skriv minst {{min}} tecken.',
  invalidOption: 'Välj ett av alternativen.',
  invalidEmail: 'Skriv e-postadressen i formatet namn@exempel.se.',
  invalidPhone: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.',
  invalidDate: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2008-03-14.',
  invalidUuid: 'Länken är felaktig. Gå tillbaka och försök igen.',
  identityNumber: {
    format: 'Skriv personnumret med 12 siffror: ÅÅÅÅMMDD-XXXX.',
    checkDigit: 'Personnumret stämmer inte – kontrollera sista siffran.',
    date: 'Personnumret börjar inte med ett giltigt datum – kontrollera födelsedatumet.',
  },
  identityOrBirthDate: 'Fyll i personnummer. Om det saknas, fyll i födelsedatum.',
  birthDateInFuture: 'Födelsedatumet kan inte vara senare än i dag.',
  programmeRequired: 'Välj vilket program det gäller.',
  reasonRequired: 'Skriv en motivering.',
  invalid: 'Uppgiften är felaktig. Kontrollera den och försök igen.',
};

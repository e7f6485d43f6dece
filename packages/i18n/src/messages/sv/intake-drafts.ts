// Texter för resten av mottagningen (issue 5): personalens utkast, att avvisa en föreslagen matchning och
// e-post om aviseringar. Samma nycklar i en/intake-drafts.ts.
export const intakeDrafts = {
  drafts: {
    title: 'Mottagning',
    lead: 'Skriv ner en egen ansökan eller ett samtal från en vårdnadshavare. Du kan spara ett utkast och fortsätta senare.',
    newIntake: 'Registrera en ny ansökan eller ett samtal',
    listTitle: 'Mina utkast',
    caption: 'Dina sparade utkast, senast sparade först',
    none: 'Du har inga sparade utkast.',
    retention: 'Ett utkast som inte sparats på {{days}} dagar tas bort automatiskt. Bara du kan se dina utkast.',
    col: { saved: 'Sparat', what: 'Vad', action: 'Åtgärd' },
    unknownApplicant: 'Ej angivet',
    open: 'Fortsätt',
    openContext: 'utkastet sparat {{at}}',
    save: 'Spara utkast',
    saved: 'Utkastet är sparat. Du hittar det under Mottagning.',
    reopened: 'Du fortsätter på ett sparat utkast.',
    discardTitle: 'Vill du kasta utkastet?',
    discardMessage: 'Utkastet (sparat {{at}}) tas bort. Det du har skrivit går inte att få tillbaka.',
    notAllowed: 'Bara personal som registrerar ansökningar har utkast.',
  },
  rejectMatch: {
    reject: 'Inte samma person',
    rejected: 'Sparat: personen är inte samma som i hänvisningen och föreslås inte igen.',
    history: 'En föreslagen person var inte samma person',
  },
  email: {
    title: 'E-post om aviseringar',
    lead: 'Du kan få ett e-postmeddelande när du får en ny avisering. Meddelandet innehåller inga personuppgifter, bara ett referensnummer och en länk till Utväg.',
    address: 'Meddelandena skickas till {{email}}.',
    legend: 'När vill du få e-post?',
    options: {
      urgentOnly: 'Bara vid brådskande nya ärenden (skyddsbehov eller omedelbart)',
      all: 'Vid alla aviseringar',
      off: 'Aldrig',
    },
    submit: 'Spara',
    saved: 'Ditt val om e-post är sparat.',
    link: 'E-post om aviseringar',
  },
};

/** Texten i själva e-postmeddelandet: aldrig personuppgifter. */
export const notificationEmail = {
  subject: 'Ny avisering i Utväg ({{reference}})',
  body:
    'Du har en ny avisering i Utväg.\n\nReferensnummer: {{reference}}\n\nLogga in för att läsa den: {{link}}\n\n' +
    'Meddelandet innehåller inga personuppgifter. Du kan ändra om du vill få e-post här: {{settings}}',
};

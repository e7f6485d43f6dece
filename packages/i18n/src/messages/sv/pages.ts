// Texts of pages both portals share: the accessibility statement and the error page (Swedish).
export const pages = {
  error: { lead: 'Felkod {{status}}.', home: 'Till startsidan' },
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
    lead: 'Så tillgänglig är {{portal}}. Kommunen ansvarar för tjänsten och vill att alla ska kunna använda den.',
    statusTitle: 'Hur tillgänglig är tjänsten?',
    status: 'Tjänsten ska uppfylla WCAG 2.1 nivå AA. Varje sida testas automatiskt med axe-core, på svenska och engelska och i mobil- och datorbredd, och formulären går att fylla i med bara tangentbordet.',
    knownIssuesTitle: 'Kända brister',
    knownIssues: 'Vi känner inte till några brister just nu. Hittar du en, berätta för oss.',
    reportTitle: 'Rapportera ett problem',
    report: 'Om något inte fungerar för dig, berätta det i formuläret nedan. Du behöver inte vara inloggad. Vill du ha svar, skriv din e-postadress så svarar vi inom fem arbetsdagar. Du kan också kontakta kommunens kontaktcenter eller din kontaktperson på socialtjänsten.',
    form: {
      message: 'Vad fungerar inte?',
      messageHint: 'Beskriv problemet med egna ord, till exempel vad du försökte göra och vad som hände.',
      page: 'På vilken sida? (frivilligt)',
      pageHint: 'Sidans namn eller adress, om du vet det.',
      contactEmail: 'Din e-postadress (frivilligt)',
      contactEmailHint: 'Bara om du vill ha svar. Vi använder den inte till något annat.',
      submit: 'Skicka rapporten',
      received: 'Tack! Vi har tagit emot din rapport och en administratör tittar på den.',
    },
    supervisionTitle: 'Tillsyn',
    supervision: 'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. Är du inte nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
  },
};

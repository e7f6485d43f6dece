// Texts of the shared page patterns (issue 4): sortable headers, confirm dialogs, flash messages, drafts.
export const ui = {
  sort: { asc: 'sortera stigande', desc: 'sortera fallande' },
  drafts: {
    discard: 'Kasta',
    discardContext: 'utkastet {{form}}, sparat {{at}}',
    discardTitle: 'Vill du kasta utkastet?',
    discardMessage: 'Utkastet ({{form}}, sparat {{at}}) tas bort. Det du har skrivit går inte att få tillbaka.',
    discardConfirm: 'Ja, kasta utkastet',
    keep: 'Nej, behåll det',
    discarded: 'Utkastet är borttaget.',
    notFound: 'Utkastet finns inte längre.',
  },
};

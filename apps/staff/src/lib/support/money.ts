// Money on the support pages: öre from the API, kronor for people.
import { formatMoney, type Locale } from '@utvag/i18n';
import { oreToKronorString } from '@utvag/domain';

export const money = (ore: number | null | undefined, locale: Locale) => (ore === null || ore === undefined ? '–' : formatMoney(ore, locale));
/** The value of a price field when an amount is shown again for editing (plain kronor, Swedish comma). */
export const kronorField = (ore: number) => oreToKronorString(ore).replace('.', ',').replace(/,00$/, '');

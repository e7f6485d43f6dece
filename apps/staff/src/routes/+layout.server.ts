import { layoutData } from '@utvag/portal-kit/server';

export const load = ({ locals, url }) => layoutData(locals, url);

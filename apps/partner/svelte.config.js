import { portalConfig } from '@utvag/svelte-config';

export default portalConfig();

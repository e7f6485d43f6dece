// Each signed-in user's own notifications, the same procedures in both portals.
import { emailPreferenceInputSchema } from '@utvag/domain';
import { z } from 'zod';
import { emailPreference, listNotifications, markRead, setEmailPreference, unreadCount } from '../intake/notifications.ts';
import { partnerProcedure, router, staffProcedure } from '../trpc.ts';

const markReadInput = z.object({ id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ error: 'validation.invalidUuid' }).optional()) });

export function notificationRouter(portal: 'staff' | 'partner') {
  const procedure = portal === 'staff' ? staffProcedure : partnerProcedure;
  return router({
    list: procedure('notification.list').query(({ ctx }) => listNotifications(ctx)),
    unreadCount: procedure('notification.list').query(({ ctx }) => unreadCount(ctx)),
    markRead: procedure('notification.markRead')
      .input(markReadInput)
      .mutation(({ ctx, input }) => markRead(ctx, input)),
    emailPreference: procedure('notification.settings').query(({ ctx }) => emailPreference(ctx)),
    setEmailPreference: procedure('notification.settings')
      .input(emailPreferenceInputSchema)
      .mutation(({ ctx, input }) => setEmailPreference(ctx, input)),
  });
}

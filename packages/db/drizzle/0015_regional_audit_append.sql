-- The follow-up report's regional view (0013) runs as utvag_regional and writes its own audit entry; the
-- security work (0011) turned on row-level security for audit_entry with policies for utvag_app only, which left
-- the regional role no way to append. A regional transaction has no municipality set (it reads several), so the
-- rule is the user instead: it may append entries of its own signed-in user, and read none.
CREATE POLICY regional_append ON audit_entry FOR INSERT TO utvag_regional
  WITH CHECK (user_id = (SELECT app_user_id()));

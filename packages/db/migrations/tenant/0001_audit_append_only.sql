-- The audit log is append-only for the tenant's runtime role: it may add and read entries,
-- never change or remove them. Tenant migrations are applied to every tenant schema, and each
-- tenant's runtime role has the same name as its schema, so the role is named through
-- current_schema() (the migrator puts the tenant's schema first on the search_path).
DO $$
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', current_schema());
END
$$;

-- Fills a firm with many clients, to see the back-office list at scale (PostgreSQL).
--   psql "postgresql://USER@HOST/DB" -v firm=ID -v count=100000 -f src/test/resources/benchmark/fill-clients.sql
-- Clients are active, named "Client 000001"…, at fill-NNNNNN-FIRM@example.test; one in three has an
-- authenticator app (a placeholder secret: it signs no one in), one in ten is still invited.
INSERT INTO account (firm_id, email, display_name, role, status, language, password_hash,
                     failed_sign_ins, failed_second_factors, created_at, activated_at,
                     last_sign_in_at, version)
SELECT :firm,
       'fill-' || lpad(n::text, 6, '0') || '-' || :firm || '@example.test',
       'Client ' || lpad(n::text, 6, '0'),
       'CLIENT',
       CASE WHEN n % 10 = 0 THEN 'INVITED' ELSE 'ACTIVE' END,
       CASE WHEN n % 2 = 0 THEN 'FR' ELSE 'EN' END,
       NULL, 0, 0, now(), now(), now() - (n || ' minutes')::interval, 0
FROM generate_series(1, :count) AS n;

INSERT INTO authenticator (account_id, name, secret, created_at, confirmed_at)
SELECT id, 'Phone', 'placeholder', now(), now()
FROM account
WHERE firm_id = :firm AND email LIKE 'fill-%' AND id % 3 = 0;

-- As autovacuum would soon after such an insert: the visibility map lets counts and pages
-- come from the indexes alone.
VACUUM ANALYZE account;
VACUUM ANALYZE authenticator;

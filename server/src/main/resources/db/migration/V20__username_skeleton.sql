-- UTS #39 skeleton of each user name (case-folded): a new name that looks like an existing one is refused.
-- Accounts from before are given theirs at start (JdbcAccountStore.backfillSkeletons); not unique, since
-- look-alikes created before this rule keep working.
ALTER TABLE accounts ADD COLUMN username_skeleton VARCHAR(1024);
CREATE INDEX accounts_username_skeleton ON accounts (tenant, username_skeleton);

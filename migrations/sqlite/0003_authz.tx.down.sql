DROP TABLE IF EXISTS casbin_policy_version;
--bun:split
DROP TABLE IF EXISTS casbin_rule;

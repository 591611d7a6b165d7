-- API tokens expire: expires_at is unix seconds. A token made before this column existed
-- keeps NULL and lasts until it is revoked (a password change or deactivation revokes it).
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;

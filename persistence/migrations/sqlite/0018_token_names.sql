-- API tokens are managed by their holders in the back office and the API (issue 11, item 6):
-- each has a name ("Excel của phòng Kinh tế") to tell it from the others, and the time it
-- last authenticated a request (unix seconds, written at most once a minute per token) so
-- that an unused one can be found and revoked. Tokens made before have no name.
-- No comments inside statements.
ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT NULL;

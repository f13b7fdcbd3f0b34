-- A caller that went away is recorded as `client_closed` (was `aborted`); old rows follow so one filter finds both.
UPDATE "llm_calls" SET "outcome" = 'client_closed' WHERE "outcome" = 'aborted';

#!/usr/bin/env bash
# Chapter 15: the gateway from curl. GATEWAY (its URL) and KEY (a virtual key) come from the caller
# (examples/15-gateway.ts runs this against a gateway it started; set them yourself against npm run dev).
set -euo pipefail

# #region chat
curl -s "$GATEWAY/v1/chat/completions" \
  -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \
  -d '{"model": "auto", "messages": [{"role": "user", "content": "Say hi in five words."}]}'
# #endregion
echo

# #region stream
curl -sN "$GATEWAY/v1/chat/completions" \
  -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \
  -d '{"model": "fast", "stream": true, "stream_options": {"include_usage": true},
       "messages": [{"role": "user", "content": "Count to three."}]}' | grep '"usage"' | cut -c 1-160
# #endregion

# #region key
curl -s "$GATEWAY/api/v1/key" -H "Authorization: Bearer $KEY"
# #endregion
echo

# #region refused
curl -s -o /dev/null -w "wrong key: %{http_code}\n" "$GATEWAY/v1/models" -H "Authorization: Bearer sk-sy-wrong"
# #endregion

#!/usr/bin/env bash
# Smoke test of a running local stack (./madang up): gets an HQ dev token, creates and opens a forum event, registers
# an attendee, and finds the confirmation email in the SMTP sink's JSON API. Exits 0, or says what failed. Whatever
# happens, the event it created is cancelled at the end, so it does not stay in the Jeju office's list.
# Ports follow the same environment variables as the stack (deploy/README.md).
set -uo pipefail

REGISTRATION="http://localhost:${MADANG_REGISTRATION_PORT:-8081}"
NOTIFICATION="http://localhost:${MADANG_NOTIFICATION_PORT:-8083}"
MAIL="http://localhost:${MADANG_MAIL_PORT:-8025}"
TOKENS="http://localhost:${MADANG_TOKEN_PORT:-8090}"
WAIT_SECONDS="${SMOKE_WAIT_SECONDS:-60}"

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
step() { printf '  %-58s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
command -v curl >/dev/null || fail "curl is needed"

# json FIELD: the first top-level string or number value of FIELD in the JSON on stdin (no jq needed)
json() { python3 -c 'import json,sys; v=json.load(sys.stdin); print(v.get(sys.argv[1], "") if isinstance(v, dict) else "")' "$1" 2>/dev/null \
  || sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" | head -n 1; }

run_id="$(date +%s)-$RANDOM"
email="smoke-${run_id}@example.kr"
echo "Madang smoke test ($run_id)"

step "readiness of the three services"
for url in "$REGISTRATION" "http://localhost:${MADANG_AGREEMENT_PORT:-8082}" "$NOTIFICATION"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url/actuator/health/readiness") || code=000
  [ "$code" = 200 ] || fail "$url/actuator/health/readiness answered $code (is the stack up? ./madang status)"
done
ok

step "HQ dev token from $TOKENS"
token=$(curl -sf "$TOKENS/dev/token?role=HQ_ADMIN") || fail "no token from $TOKENS/dev/token?role=HQ_ADMIN"
[ "$(printf '%s' "$token" | tr -cd '.' | wc -c)" -eq 2 ] || fail "the token issuer did not answer a JWT: $token"
ok

auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")

event_id=""
# cancel_event: cancels the smoke test's event through the API (on success and on failure alike)
cancel_event() {
  [ -n "$event_id" ] || return 0
  local code
  code=$(curl -s -o /tmp/madang-smoke-cancel.json -w '%{http_code}' "${auth[@]}" -X POST \
    "$REGISTRATION/api/events/$event_id/cancel" -d '{"reason":"스모크 테스트 종료"}') || code=000
  if [ "$code" = 200 ]; then
    echo "  cancelled the smoke test's event $event_id" >&2
  else
    echo "  could not cancel the smoke test's event $event_id: POST /cancel answered $code: $(cat /tmp/madang-smoke-cancel.json 2>/dev/null)" >&2
    return 1
  fi
}
trap 'cancel_event || true' EXIT

step "create a forum event"
created=$(curl -s -w '\n%{http_code}' "${auth[@]}" -H "Idempotency-Key: smoke-event-$run_id" -X POST "$REGISTRATION/api/events" -d '{
  "title":"스모크 테스트 포럼 '"$run_id"'","titleEn":"Smoke test forum","region":"JEJU",
  "venue":"메종글래드 제주 크리스탈홀","startsAt":"2030-02-06T13:00:00+09:00","endsAt":"2030-02-07T18:00:00+09:00",
  "capacity":50,"selfRegistration":true,"approvalRequired":false}')
code=$(printf '%s' "$created" | tail -n 1); body=$(printf '%s' "$created" | sed '$d')
[ "$code" = 201 ] || fail "POST /api/events answered $code: $body"
event_id=$(printf '%s' "$body" | json id)
[ -n "$event_id" ] || fail "no id in $body"
ok "$event_id"

step "open registration"
code=$(curl -s -o /tmp/madang-smoke-open.json -w '%{http_code}' "${auth[@]}" -X POST "$REGISTRATION/api/events/$event_id/open")
[ "$code" = 200 ] || fail "POST /api/events/$event_id/open answered $code: $(cat /tmp/madang-smoke-open.json)"
ok

step "register an attendee"
registered=$(curl -s -w '\n%{http_code}' "${auth[@]}" -H "Idempotency-Key: smoke-registration-$run_id" \
  -X POST "$REGISTRATION/api/events/$event_id/registrations" -d '{
  "name":"김민지","email":"'"$email"'","phone":"010-1234-5678","organisation":"제주특별자치도",
  "jobTitle":"주무관","attendeeType":"GENERAL","language":"ko","consent":{"accepted":true,"policyVersion":"2023-01"}}')
code=$(printf '%s' "$registered" | tail -n 1); body=$(printf '%s' "$registered" | sed '$d')
[ "$code" = 201 ] || fail "POST /api/events/$event_id/registrations answered $code: $body"
registration_id=$(printf '%s' "$body" | json id)
status=$(printf '%s' "$body" | json status)
[ "$status" = CONFIRMED ] || fail "registration status is '$status', expected CONFIRMED: $body"
ok "$registration_id"

step "confirmation email in the SMTP sink (up to ${WAIT_SECONDS} s)"
deadline=$(( SECONDS + WAIT_SECONDS ))
found=""
while [ $SECONDS -lt $deadline ]; do
  found=$(curl -s "$MAIL/api/messages?to=$email") || found=""
  total=$(printf '%s' "$found" | json total)
  if [ -n "$total" ] && [ "$total" -ge 1 ] 2>/dev/null; then break; fi
  sleep 1
done
[ -n "$total" ] && [ "$total" -ge 1 ] 2>/dev/null \
  || fail "no email to $email within ${WAIT_SECONDS} s (see $MAIL, and .madang/logs/notification-service.log)"
subject=$(printf '%s' "$found" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["subject"])' 2>/dev/null || echo "?")
case "$subject" in
  *확정*) ok "$subject" ;;
  *) fail "the email to $email has subject '$subject', expected a Korean confirmation (…확정…)" ;;
esac

step "notification status via notification-service (OPS token)"
ops=$(curl -sf "$TOKENS/dev/token?role=OPS") || fail "no OPS token"
listed=$(curl -s -H "Authorization: Bearer $ops" "$NOTIFICATION/api/notifications?registrationId=$registration_id")
case "$listed" in
  *'"channel":"EMAIL"'*|*'"channel" : "EMAIL"'*) ok ;;
  *) fail "GET /api/notifications?registrationId=$registration_id shows no EMAIL message: $listed" ;;
esac

step "cancel the smoke test's event"
trap - EXIT
cancel_event >/dev/null || fail "the smoke test's event $event_id could not be cancelled (see above)"
state=$(curl -s "${auth[@]}" "$REGISTRATION/api/events/$event_id" | json status)
[ "$state" = CANCELLED ] || fail "event $event_id is '$state' after cancelling, expected CANCELLED"
ok "$event_id"
event_id=""

echo "SMOKE PASSED: registration $registration_id, confirmation mailed to $email; the event was cancelled"

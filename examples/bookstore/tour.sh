#!/usr/bin/env bash
# A guided tour of Forkscope in the running bookstore: drives it with curl and explains, step by
# step, what each answer shows. It checks every answer and exits non-zero when one is not what
# the step expects.
#
#   bash examples/bookstore/tour.sh [URL] [SECOND_URL]
#
# URL defaults to http://localhost:8080/bookstore (run.sh). With a SECOND_URL (run-two.sh prints
# both), a last step updates a book through the first instance and reads it through the second.
# Not set -e: every step checks its answers itself and says which one failed.
set -uo pipefail

URL=${1:-http://localhost:8080/bookstore}
SECOND_URL=${2:-}
if [ -t 1 ]; then BOLD=$'\e[1m'; DIM=$'\e[2m'; RED=$'\e[31m'; OFF=$'\e[0m'; else BOLD=; DIM=; RED=; OFF=; fi
STEP=0

step() { STEP=$((STEP + 1)); printf '\n%s%d. %s%s\n' "$BOLD" "$STEP" "$1" "$OFF"; }
say() { printf '   %s\n' "$@"; }
fail() { printf '%sFAILED: %s%s\n' "$RED" "$1" "$OFF" >&2; exit 1; }
check() { # <condition text> <command...>: prints the check, fails the tour when the command fails
  local what=$1; shift
  if "$@"; then printf '   ok: %s\n' "$what"; else fail "$what"; fi
}

# http <method> <url> [json body]: shows the request and the answer; sets BODY and STATUS
http() {
  local method=$1 url=$2 data=${3:-} type=application/json
  [ "$method" = PUT ] && type=text/plain
  printf '%s   $ curl -X %s %s%s%s\n' "$DIM" "$method" "$url" "${data:+ -d '$data'}" "$OFF"
  local out
  if [ -n "$data" ]; then
    out=$(curl -s -w '\n%{http_code}' -X "$method" -H "Content-Type: $type" -d "$data" "$url")
  else
    out=$(curl -s -w '\n%{http_code}' -X "$method" "$url")
  fi
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
  printf '   %s %s\n' "$STATUS" "$(shorten "$BODY")"
}
shorten() { if [ ${#1} -gt 300 ]; then printf '%s…' "${1:0:300}"; else printf '%s' "$1"; fi; }

# field <name> [json]: the first value of a field in a flat JSON answer (BODY by default)
field() { printf '%s' "${2:-$BODY}" | grep -o "\"$1\":\(\"[^\"]*\"\|[^,}]*\)" | head -1 | sed "s/^\"$1\"://; s/^\"//; s/\"$//"; }
# catalogue: "id price stock" of every book, one per line (the API lists fields in that order)
catalogue() { curl -s "$URL/api/books" | grep -o '"id":[0-9]*,"price":[0-9.]*,"stock":[0-9]*' | sed 's/"[a-z]*"://g; s/,/ /g'; }
# events: the activity events since <seq>, one per line
events() { curl -s "$URL/api/activity?since=$1" | sed 's/^\[//; s/\]$//; s/},{/}\n{/g'; }
last_seq() { events 0 | tail -1 | grep -o '"seq":[0-9]*' | cut -d: -f2 || echo 0; }
# wait_for_event <since> <text>: waits up to 30 s for an event whose description contains text
wait_for_event() {
  for _ in $(seq 1 60); do
    events "$1" | grep -q "$2" && return 0
    sleep 0.5
  done
  fail "no event \"$2\" within 30 s: $(events "$1")"
}

# book_id <title>: the id of the book with exactly that title; the ids are the provider's choice
# (Hibernate starts at 1, EclipseLink's sequence table elsewhere)
book_id() { curl -s "$URL/api/books" | sed 's/},{/}\n{/g' | grep "\"title\":\"$1\"" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }

for _ in $(seq 1 60); do
  [ -n "$(book_id Dune)" ] && break
  sleep 1
done
DUNE=$(book_id Dune)
MESSIAH=$(book_id "Dune Messiah")
[ -n "$DUNE" ] && [ -n "$MESSIAH" ] \
  || fail "the bookstore does not answer at $URL: start it with examples/bookstore/run.sh"
echo "${BOLD}A tour of Forkscope in the bookstore at $URL${OFF}"

step "One identity map per request"
say "The endpoint loads Dune three ways within one request: em.find, a JPQL query, and through" \
    "another bean (Catalog). All three are one instance: the request has one fork, one persistence context."
http GET "$URL/api/tour/identity/$DUNE"
check "the three loads returned the same instance" [ "$(field sameInstance)" = true ]
first=$(field fork)
say "The same call again is another request, so it runs on another fork:"
http GET "$URL/api/tour/identity/$DUNE"
second=$(field fork)
check "the second request ran on another fork ($first, then $second)" [ "$first" != "$second" ]

step "Nothing carries over from one request to the next"
say "The first request fetches Dune with its author. The second asks for Dune alone and gets no" \
    "author: its fork loaded nothing else, whatever earlier requests loaded."
http GET "$URL/api/books/$DUNE/with-author"
check "the first answer has the author" [ -n "$(field author)" ]
http GET "$URL/api/books/$DUNE"
check "the second answer has no author" [ -z "$(field author)" ]

step "Async work: a managed executor's task continues the request; a thread of your own has no context"
say "The endpoint reads Dune on a task of the ManagedExecutorService. The task runs in the" \
    "request's context (Forkscope's Jakarta Concurrency context provider carries it over), so it" \
    "reads through the request's own fork:"
http GET "$URL/api/tour/background/$DUNE"
check "the task read the book on the request's fork" grep -q "on $(field requestFork))" <<< "$(field read)"
say "On a thread the application starts itself, no context follows. The injected EntityManager" \
    "has no fork to use, and says so, and why, rather than falling back on a shared persistence context:"
http GET "$URL/api/tour/background/$DUNE?thread=own"
message=$(field message)
check "the read failed with GlobalContextException" [ "$(field error)" = GlobalContextException ]
check "its message starts with the code FORKSCOPE-001" [ "${message:0:14}" = FORKSCOPE-001: ]
check "it says the thread was started from inside a context" grep -q "This thread is a thread started by code that ran in the context" <<< "$BODY"
say "The fix, as the message says: give that work a context. Here the thread wraps its read in" \
    "Forkscope.call(() -> ...); annotating the method it calls with @RequestContextual does the same:"
http GET "$URL/api/tour/background/$DUNE?thread=own&inContext=true"
check "the thread read the book on a fork of its own" grep -q "on fork@" <<< "$(field read)"
check "which is not the request's" bash -c '! grep -q "on $1)" <<< "$2"' _ "$(field requestFork)" "$(field read)"

step "The nightly timer: a fresh context per chunk"
say "NightlyRepricing is a @Schedule method annotated @RequestContextual. It reads the ids of the" \
    "overstocked books, then marks them down in chunks of 10, each chunk in a CREATE context and" \
    "transaction of its own (PriceMarkdown.apply). POST /api/repricing runs it now instead of at 2 a.m."
before=$(catalogue)
since=$(last_seq)
http POST "$URL/api/repricing"
check "the job was started (202)" [ "$STATUS" = 202 ]
wait_for_event "$since" "repricing done"
say "What the job did, and on which fork (GET /api/activity):"
timer_events=$(events "$since" | grep '"source":"timer"')
while read -r event; do
  say "  $(field fork "$event")  $(field what "$event")"
done <<< "$timer_events"
chunk_forks=$(grep "a chunk of" <<< "$timer_events" | grep -o 'fork@[0-9a-f]*')
tick_fork=$(grep "overstocked" <<< "$timer_events" | grep -o 'fork@[0-9a-f]*')
check "the job ran in chunks" [ "$(grep -c . <<< "$chunk_forks")" -ge 2 ]
check "every chunk had a fork of its own" [ "$(sort -u <<< "$chunk_forks" | wc -l)" = "$(wc -l <<< "$chunk_forks")" ]
check "no chunk used the tick's fork" [ -z "$(grep "$tick_fork" <<< "$chunk_forks")" ]
# overstocked books above the floor price of 1.00 must all cost less now
expected=$(awk '$3 > 10 && $2 > 1.00' <<< "$before" | wc -l)
changed=$(diff <(echo "$before") <(catalogue) | grep -c '^>')
say "Before the job, $expected overstocked books cost more than the floor price; $changed prices changed."
check "every chunk committed its own transaction" [ "$changed" = "$expected" ]

step "A message consumed in its own context"
say "POST /api/orders checks the book and queues the order on JMS. OrderConsumer, a message-driven" \
    "bean whose onMessage is @RequestContextual, ships it in a fresh context whose fork joins the" \
    "delivery's transaction."
book=$(catalogue | sort -k3 -n | tail -1 | cut -d' ' -f1)
http GET "$URL/api/books/$book"
stock_before=$(field stock)
since=$(last_seq)
http POST "$URL/api/orders" "{\"bookId\":$book,\"copies\":1}"
check "the order was queued (202)" [ "$STATUS" = 202 ]
wait_for_event "$since" '"source":"message"'
request_event=$(events "$since" | grep '"source":"request"' | tail -1)
message_event=$(events "$since" | grep '"source":"message"' | tail -1)
say "  request: $(field fork "$request_event")  $(field what "$request_event")" \
    "  message: $(field fork "$message_event")  $(field what "$message_event")"
check "the message was consumed on another fork than the request's" \
  [ "$(field fork "$request_event")" != "$(field fork "$message_event")" ]
# the delivery's transaction commits just after onMessage returns
for _ in $(seq 1 20); do
  [ "$(field stock "$(curl -s "$URL/api/books/$book")")" = $((stock_before - 1)) ] && break
  sleep 0.5
done
http GET "$URL/api/books/$book"
check "book $book's stock went from $stock_before to $((stock_before - 1))" [ "$(field stock)" = $((stock_before - 1)) ]

step "A rollback leaves nothing behind"
say "POST /api/books/batch adds several books in one @Transactional call. The service persists the" \
    "first two, then refuses the third (a price of -1), and the transaction rolls back."
tour_title="Tour book $(date +%s)"
http POST "$URL/api/books/batch" \
  "[{\"title\":\"$tour_title 1\",\"author\":\"Tour Author\",\"price\":5.00,\"stock\":1},{\"title\":\"$tour_title 2\",\"author\":\"Tour Author\",\"price\":6.00,\"stock\":1},{\"title\":\"$tour_title 3\",\"author\":\"Tour Author\",\"price\":-1,\"stock\":1}]"
check "the batch was refused (400) with the reason" [ "$STATUS" = 400 ]
say "Are the first two books there?"
http GET "$URL/api/books?title=${tour_title// /%20}"
check "no book of the batch is in the database" [ "$BODY" = "[]" ]
say "The same books without the bad one are added, which shows the search would have found them:"
http POST "$URL/api/books/batch" \
  "[{\"title\":\"$tour_title 1\",\"author\":\"Tour Author\",\"price\":5.00,\"stock\":1},{\"title\":\"$tour_title 2\",\"author\":\"Tour Author\",\"price\":6.00,\"stock\":1}]"
check "the valid batch was added (201)" [ "$STATUS" = 201 ]
http GET "$URL/api/books?title=${tour_title// /%20}"
check "both books are found" [ "$(grep -o '"id"' <<< "$BODY" | wc -l)" = 2 ]

if [ -n "$SECOND_URL" ]; then
  step "Two instances, one database: no stale reads"
  say "A second instance ($SECOND_URL) shares the database. Each of its requests reads through a fresh" \
      "fork, so a title changed through the first instance is read fresh through the second, at once."
  http GET "$SECOND_URL/api/books/$MESSIAH"
  stale=0
  for round in 1 2 3 4 5 6 7 8 9 10; do
    title="Dune Messiah, revision $round $(date +%s)"
    if [ $round = 1 ]; then
      http PUT "$URL/api/books/$MESSIAH/title" "$title"
      http GET "$SECOND_URL/api/books/$MESSIAH"
    else
      curl -s -o /dev/null -X PUT -H "Content-Type: text/plain" -d "$title" "$URL/api/books/$MESSIAH/title"
      BODY=$(curl -s "$SECOND_URL/api/books/$MESSIAH")
    fi
    [ "$(field title)" = "$title" ] || stale=$((stale + 1))
  done
  say "10 renames through the first instance, each followed by a read through the second: $stale stale."
  check "the second instance never served a stale title" [ $stale = 0 ]
fi

printf '\n%sThe tour is over: every step showed what it should.%s\n' "$BOLD" "$OFF"

#!/usr/bin/env bash
# Runs every Forkscope benchmark (P1-P6) on this machine and rewrites benchmarks/RESULTS.md.
# QUICK=1 runs each once, briefly, to check the harness; its figures mean nothing.
set -euo pipefail
cd "$(dirname "$0")"

QUICK=${QUICK:-0}
OUT=target/results
mkdir -p $OUT

mvn -q -B -f ../pom.xml install -DskipTests -Dskip.wildfly=true -Dskip.payara=true -pl benchmarks -am
mvn -q -B dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt
CP=target/classes:$(cat target/classpath.txt)
LOG=-Djava.util.logging.config.file=$PWD/target/classes/logging.properties

if [ "$QUICK" = 1 ]; then
  JMH="-wi 1 -i 1 -w 1 -r 1 -f 1"; REQUESTS=200,400; ROWS=20000
  export P4_DURATION=3 P4_WARMUP=1
else
  JMH="-wi 3 -i 5 -w 1 -r 2 -f 3"; REQUESTS=1000,2000,3000,4000; ROWS=1000000
fi

echo "P1-P3: JMH" >&2
java $LOG -cp "$CP" org.openjdk.jmh.Main 'FindBenchmark|ContextBenchmark' $JMH -jvmArgsAppend "$LOG" \
  -rf json -rff $OUT/jmh.json > $OUT/jmh.txt

echo "P5: retained heap" >&2
: > $OUT/p5.txt
for mode in forkscope shared; do
  java -Xmx1g $LOG -cp "$CP" io.github.forkscope.benchmarks.MemoryRun $mode $REQUESTS | grep '^P5' >> $OUT/p5.txt
done

echo "P6: batch in -Xmx64m" >&2
: > $OUT/p6.txt
for mode in handwritten forkscope; do
  rm -rf target/batch
  if ! java -Xmx64m $LOG -Dforkscope.datasource.bench.url="jdbc:h2:file:$PWD/target/batch/db" -cp "$CP" \
      io.github.forkscope.benchmarks.BatchRun $mode $ROWS > $OUT/p6-$mode.log 2>&1; then
    echo "P6 $mode $ROWS failed $(grep -m1 -o 'OutOfMemoryError[^ ]*' $OUT/p6-$mode.log || echo error)" >> $OUT/p6.txt
  else
    grep '^P6' $OUT/p6-$mode.log >> $OUT/p6.txt
  fi
done

echo "P4: HTTP with wrk" >&2
bash http/run-http.sh > $OUT/p4.txt

python3 results.py $OUT "$(date -u +%Y-%m-%d)" "bash benchmarks/run.sh" > RESULTS.md
echo "wrote benchmarks/RESULTS.md" >&2

#!/bin/bash
# Shows that Mosquitto 2.0 acknowledges a QoS 1 publish before it saves it (see broker-kill-loss.md).
# usage: docs/broker-kill-loss.sh SECONDS   (the wait between the PUBACK and the SIGKILL; 0 loses the message, 2 keeps it)
D=$(mktemp -d); P=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > $D/m.conf <<C
listener $P 127.0.0.1
allow_anonymous true
persistence true
persistence_location $D/
autosave_interval 1
autosave_on_changes true
user root
log_dest file $D/mosquitto.log
log_type all
C
start() { mosquitto -c $D/m.conf > $D/stdout 2>&1 & PID=$!; for i in $(seq 200); do (echo > /dev/tcp/127.0.0.1/$P) 2>/dev/null && break; sleep 0.02; done; }
start
mosquitto_sub -p $P -h 127.0.0.1 -c -i offline-sub -q 1 -t readings -W 1 >/dev/null 2>&1   # persistent session, then away
head -c 40000000 /dev/urandom > $D/big; mosquitto_pub -p $P -h 127.0.0.1 -r -q 1 -t big -f $D/big; rm $D/big  # a database that takes a while to save
sleep 1
mosquitto_pub -p $P -h 127.0.0.1 -q 1 -t readings -m "reading-42"; rc=$?   # returns after PUBACK
sleep $1; kill -9 $PID; wait $PID 2>/dev/null
start
got=$(mosquitto_sub -p $P -h 127.0.0.1 -c -i offline-sub -q 1 -t readings -C 1 -W 3 2>&1); src=$?
kill $PID; wait $PID 2>/dev/null
echo "sleep=$1 pub_rc=$rc puback=$(grep -c 'Sending PUBACK to .* (m' $D/mosquitto.log) sub_rc=$src got='$got' dir=$D"
grep -n "Received PUBLISH from .*readings\|Sending PUBACK\|Saving\|starting" $D/mosquitto.log | grep -v "'big'" | tail -8
rm -rf "$D"

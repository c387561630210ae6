#!/bin/bash
# make-ca.sh DIR: a throw-away CA and a server certificate for 127.0.0.1,
# made at test time (no key is ever committed). Writes DIR/ca.pem,
# DIR/server.pem, DIR/server.key.
set -euo pipefail
DIR=$1
cd "$DIR"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=igsgov test CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
  -out server.pem 2>/dev/null
chmod 644 server.key
rm -f ca.key server.csr ca.srl

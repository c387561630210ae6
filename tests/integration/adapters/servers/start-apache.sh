#!/bin/bash
# Apache 2.4 + mod_dav_fs. MODE: basic | digest | https (basic auth over TLS;
# needs DIR/server.pem and DIR/server.key, see make-ca.sh).
# Besides /dav/, /corrupting/ is the same kind of WebDAV folder whose input
# filter (mod_sed) rewrites "CORRUPT-ME" to "corrupted!" in request bodies: a
# server (or proxy) that stores other bytes than it was sent, same size, for
# the test of the adapter's hash check after upload.
source "$(dirname "$0")/common.sh"
M=/usr/lib/apache2/modules
AUTH_MODULE="LoadModule auth_basic_module $M/mod_auth_basic.so"
AUTH="AuthType Basic
  AuthName \"igsgov\"
  AuthBasicProvider file
  AuthUserFile \"$DIR/htpasswd\""
if [ "$MODE" = digest ]; then
  AUTH_MODULE="LoadModule auth_digest_module $M/mod_auth_digest.so"
  AUTH="AuthType Digest
  AuthName \"igsgov\"
  AuthDigestDomain /dav/
  AuthDigestProvider file
  AuthUserFile \"$DIR/htdigest\""
  # htdigest only prompts interactively: write the line ourselves.
  HA1=$(printf '%s' "$USER_NAME:igsgov:$USER_PASS" | md5sum | cut -d' ' -f1)
  echo "$USER_NAME:igsgov:$HA1" >"$DIR/htdigest"
else
  htpasswd -b -c -B "$DIR/htpasswd" "$USER_NAME" "$USER_PASS" 2>/dev/null
fi
TLS=""
if [ "$MODE" = https ]; then
  TLS="LoadModule ssl_module $M/mod_ssl.so
LoadModule socache_shmcb_module $M/mod_socache_shmcb.so
SSLEngine on
SSLCertificateFile \"$DIR/server.pem\"
SSLCertificateKeyFile \"$DIR/server.key\"
SSLSessionCache none"
fi
USERLINE=""
if [ "$(id -u)" = 0 ]; then USERLINE="User $RUN_USER
Group $RUN_GROUP"; fi
cat >"$DIR/httpd.conf" <<CONF
ServerRoot "$DIR"
DefaultRuntimeDir "$DIR/run"
Listen 127.0.0.1:$PORT
ServerName 127.0.0.1
PidFile "$DIR/run/httpd.pid"
ErrorLog "$DIR/error.log"
LogLevel warn
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule authn_core_module $M/mod_authn_core.so
LoadModule authn_file_module $M/mod_authn_file.so
LoadModule authz_user_module $M/mod_authz_user.so
$AUTH_MODULE
LoadModule dav_module $M/mod_dav.so
LoadModule dav_fs_module $M/mod_dav_fs.so
LoadModule mime_module $M/mod_mime.so
LoadModule sed_module $M/mod_sed.so
$TLS
$USERLINE
TypesConfig /etc/mime.types
DocumentRoot "$DIR/www"
DavLockDB "$DIR/lock/DavLock"
FileETag Digest
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 5
LimitRequestBody 0
StartServers 1
ServerLimit 2
ThreadsPerChild 25
MaxRequestWorkers 50
<Directory "$DIR/www/dav">
  Dav On
  Options None
  AllowOverride None
  $AUTH
  Require valid-user
</Directory>
<Directory "$DIR/www/corrupting">
  Dav On
  Options None
  AllowOverride None
  $AUTH
  Require valid-user
  SetInputFilter Sed
  InputSed "s/CORRUPT-ME/corrupted!/g"
</Directory>
CONF
mkdir -p "$DIR/www/corrupting"
own_data
launch apache2 -DFOREGROUND -f "$DIR/httpd.conf" -d "$DIR"

#!/bin/bash
# lighttpd 1.4 + mod_webdav, basic auth, with its SQLite property database
# (dead properties: PROPPATCH / PROPFIND keep igsgov's properties on files).
source "$(dirname "$0")/common.sh"
echo "$USER_NAME:$USER_PASS" >"$DIR/users"
USERLINE=""
if [ "$(id -u)" = 0 ]; then USERLINE="server.username = \"$RUN_USER\"
server.groupname = \"$RUN_GROUP\""; fi
cat >"$DIR/lighttpd.conf" <<CONF
server.document-root = "$DIR/www"
server.bind = "127.0.0.1"
server.port = $PORT
server.errorlog = "$DIR/run/error.log"
server.upload-dirs = ( "$DIR/tmp" )
server.modules = ( "mod_webdav", "mod_auth", "mod_authn_file" )
$USERLINE
server.max-keep-alive-requests = 10000
server.max-keep-alive-idle = 5
mimetype.assign = ( "" => "application/octet-stream" )
auth.backend = "plain"
auth.backend.plain.userfile = "$DIR/users"
auth.require = ( "/dav/" => ( "method" => "basic", "realm" => "igsgov", "require" => "valid-user" ) )
\$HTTP["url"] =~ "^/dav(\$|/)" {
  webdav.activate = "enable"
  webdav.is-readonly = "disable"
  webdav.sqlite-db-name = "$DIR/run/webdav-props.sqlite"
}
CONF
chmod 644 "$DIR/users"
own_data
launch lighttpd -D -f "$DIR/lighttpd.conf"

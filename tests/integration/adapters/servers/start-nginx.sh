#!/bin/bash
# nginx + dav-ext, basic auth. nginx ignores If-Match / If-None-Match on
# WebDAV methods: the adapter must detect that.
source "$(dirname "$0")/common.sh"
htpasswd -b -c "$DIR/htpasswd" "$USER_NAME" "$USER_PASS" 2>/dev/null
chmod 644 "$DIR/htpasswd"
USERLINE=""
if [ "$(id -u)" = 0 ]; then USERLINE="user $RUN_USER $RUN_GROUP;"; fi
mkdir -p "$DIR/logs"
cat >"$DIR/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
$USERLINE
worker_processes 1;
pid $DIR/run/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  client_max_body_size 0;
  keepalive_requests 10000;
  keepalive_timeout 5s;
  server {
    listen 127.0.0.1:$PORT;
    root $DIR/www;
    location /dav/ {
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      dav_access user:rw group:r all:r;
      auth_basic "igsgov";
      auth_basic_user_file $DIR/htpasswd;
    }
  }
}
CONF
own_data
launch nginx -p "$DIR/" -c "$DIR/nginx.conf" -g 'daemon off;'

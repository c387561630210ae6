"""A Python host of libigsgov through ctypes: the binding the tests use.

Mirrors module/include/igsgov/igsgov.h (structs, codes, functions). Every
call checks its return code and raises IgsgovError with the thread's last
error (code, Dutch message, detail JSON). Buffers are disposed by the
library's own igsgov_buf_dispose.
"""
import ctypes
import json

OK = 0
EINVALID = -2
ENOTFOUND = -3
EDENIED = -8
EARGUMENT = -11
EUNSUPPORTED = -7
FORMAT_JSON = 0
FORMAT_TEXT = 1
LOG_DEBUG = 1
LOG_INFO = 2


class Buf(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p), ("size", ctypes.c_size_t)]


class Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p), ("detail", ctypes.c_char_p)]


class OpenOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("create", ctypes.c_int)]


class ExecOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("actor", ctypes.c_char_p), ("role", ctypes.c_char_p),
                ("reason", ctypes.c_char_p), ("format", ctypes.c_int)]


LOG_FN = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)


class IgsgovError(Exception):
    def __init__(self, code, message, detail):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.detail = detail


class Library:
    def __init__(self, path):
        lib = ctypes.CDLL(path)
        lib.igsgov_init.restype = ctypes.c_int
        lib.igsgov_shutdown.restype = ctypes.c_int
        lib.igsgov_version_number.restype = ctypes.c_int
        lib.igsgov_version_string.restype = ctypes.c_char_p
        lib.igsgov_log_set_callback.argtypes = [LOG_FN, ctypes.c_void_p, ctypes.c_int]
        lib.igsgov_open.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.POINTER(OpenOptions)]
        lib.igsgov_close.argtypes = [ctypes.c_void_p]
        lib.igsgov_close.restype = None
        lib.igsgov_execute.argtypes = [ctypes.POINTER(Buf), ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                                       ctypes.POINTER(ExecOptions)]
        lib.igsgov_catalogue.argtypes = [ctypes.POINTER(Buf)]
        lib.igsgov_buf_dispose.argtypes = [ctypes.POINTER(Buf)]
        lib.igsgov_buf_dispose.restype = None
        lib.igsgov_error_last.restype = ctypes.POINTER(Error)
        lib.igsgov_error_name.argtypes = [ctypes.c_int]
        lib.igsgov_error_name.restype = ctypes.c_char_p
        self.lib = lib
        self._log_fn = None  # keep the ctypes callback alive while registered

    def last_error(self):
        e = self.lib.igsgov_error_last().contents
        return e.code, e.message.decode("utf-8"), json.loads(e.detail.decode("utf-8"))

    def check(self, rc):
        if rc != OK:
            code, message, detail = self.last_error()
            assert code == rc, (code, rc)
            raise IgsgovError(code, message, detail)

    def _take(self, buf):
        try:
            return ctypes.string_at(buf.ptr, buf.size).decode("utf-8")
        finally:
            self.lib.igsgov_buf_dispose(ctypes.byref(buf))

    def init(self):
        self.check(self.lib.igsgov_init())

    def shutdown(self):
        self.check(self.lib.igsgov_shutdown())

    def version(self):
        return self.lib.igsgov_version_number(), self.lib.igsgov_version_string().decode()

    def set_log(self, fn, min_level):
        """fn(level, line) or None."""
        if fn is None:
            self._log_fn = None
            self.check(self.lib.igsgov_log_set_callback(LOG_FN(), None, 0))
            return
        self._log_fn = LOG_FN(lambda level, message, _: fn(level, message.decode("utf-8")))
        self.check(self.lib.igsgov_log_set_callback(self._log_fn, None, min_level))

    def catalogue(self):
        buf = Buf()
        self.check(self.lib.igsgov_catalogue(ctypes.byref(buf)))
        return json.loads(self._take(buf))

    def open(self, path, create=False):
        handle = ctypes.c_void_p()
        opts = OpenOptions(1, 1 if create else 0)
        self.check(self.lib.igsgov_open(ctypes.byref(handle), path.encode(), ctypes.byref(opts)))
        return Register(self, handle)


class Register:
    def __init__(self, library, handle):
        self.library = library
        self.handle = handle

    def execute(self, operation, params=None, actor=None, role=None, reason=None, text=False):
        lib = self.library.lib
        opts = ExecOptions(1, actor.encode() if actor else None, role.encode() if role else None,
                           reason.encode() if reason else None, FORMAT_TEXT if text else FORMAT_JSON)
        buf = Buf()
        data = json.dumps(params or {}, ensure_ascii=False).encode("utf-8")
        self.library.check(lib.igsgov_execute(ctypes.byref(buf), self.handle, operation.encode(), data,
                                              ctypes.byref(opts)))
        out = self.library._take(buf)
        return out if text else json.loads(out)

    def close(self):
        self.library.lib.igsgov_close(self.handle)
        self.handle = None

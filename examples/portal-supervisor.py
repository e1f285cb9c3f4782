#!/usr/bin/python3
# portal-supervisor.py: answer a child's mkdir and openat like a portal.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The parent builds a filter that hands mkdir(2), mkdirat(2) and openat(2)
# to a supervisor (NOTIFY), prepares it and forks. The child loads it, sends
# the listener back over a socket and does its work; the parent answers in
# its main loop: mkdir inside "Downloads" is done by the portal (answer 0),
# elsewhere refused (EACCES); open of the granted document gets a descriptor
# the portal opened (respond_fd), anything else EACCES. The child checks
# every answer; the script exits with its verdict.
#
# Paths: the child uses absolute paths only. A real portal must resolve a
# relative path against the target's cwd (/proc/PID/cwd) or its dirfd
# argument (/proc/PID/fd/N); this example refuses relative paths instead.

import errno
import fcntl
import os
import shutil
import socket
import sys
import tempfile

import gi

gi.require_version("GLib", "2.0")
gi.require_version("Scmp", "1.0")
from gi.repository import GLib, Scmp  # noqa: E402

DOCUMENT_TEXT = b"Dear portal, please let me in.\n"

root = tempfile.mkdtemp(prefix="portal-supervisor-")
downloads = os.path.join(root, "Downloads")
document = os.path.join(root, "Documents", "letter.txt")
os.mkdir(downloads)
os.mkdir(os.path.dirname(document))
with open(document, "wb") as f:
    f.write(DOCUMENT_TEXT)
with open(os.path.join(root, "secret.txt"), "wb") as f:
    f.write(b"not for the child\n")

# Only the calls glibc's mkdir() and open() make on this ABI.
notify = Scmp.Action.new_notify()
flt = Scmp.Filter.new(Scmp.Action.new_allow())
for name in ("mkdir", "mkdirat", "openat"):
    if Scmp.syscall_resolve_name(Scmp.Architecture.NATIVE, name) >= 0:
        flt.add_rule(Scmp.Rule.new(name, notify))
flt.prepare()


def child():
    """Runs with the filter loaded: every mkdir/open goes to the parent.
    Everything it needs is imported already (an import would open files)."""
    failures = 0

    def check(ok, what):
        nonlocal failures
        print("child:", what + ":", "as expected" if ok else "WRONG", flush=True)
        failures += not ok

    path = os.path.join(downloads, "new-folder")
    try:
        os.mkdir(path, 0o700)
        check(os.path.isdir(path), "mkdir in Downloads succeeds")
    except OSError as e:
        check(False, "mkdir in Downloads succeeds (%s)" % e)

    path = os.path.join(root, "outside")
    try:
        os.mkdir(path, 0o700)
        check(False, "mkdir outside Downloads: EACCES (it succeeded)")
    except OSError as e:
        check(e.errno == errno.EACCES and not os.path.exists(path),
              "mkdir outside Downloads: EACCES")

    try:
        fd = os.open(document, os.O_RDONLY | os.O_CLOEXEC)
        check(True, "open of the granted document gives an fd")
        check(os.read(fd, 256) == DOCUMENT_TEXT, "the fd reads the document")
        check(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC,
              "the fd is close-on-exec, as asked")
        os.close(fd)
    except OSError as e:
        check(False, "open of the granted document gives an fd (%s)" % e)

    try:
        os.close(os.open(os.path.join(root, "secret.txt"), os.O_RDONLY))
        check(False, "open of another file: EACCES (it succeeded)")
    except OSError as e:
        check(e.errno == errno.EACCES, "open of another file: EACCES")
    return 0 if failures == 0 else 1


def is_inside(path, directory):
    # A real portal canonicalises the path (mind "..", symlinks).
    return path.startswith(directory + "/") and "/.." not in path[len(directory):]


def on_notification(notifier, n):
    name = n.get_syscall_name()
    path_arg = 0 if name == "mkdir" else 1      # mkdirat/openat: (dirfd, path, ...)
    try:
        # Copied once: the portal acts on its own copy of the path.
        path = n.read_path(path_arg)
    except GLib.Error as e:
        print("portal: %s from pid %d: cannot read the path (%s)" % (name, n.get_pid(), e.message))
        if not e.matches(Scmp.error_quark(), Scmp.Error.NOT_PENDING):
            n.respond_errno(errno.EFAULT)
        return True

    if not os.path.isabs(path):
        # Resolving it needs the child's cwd or its dirfd: not done here.
        print('portal: %s "%s": relative path, refused (EACCES)' % (name, path))
        n.respond_errno(errno.EACCES)
        return True

    if name in ("mkdir", "mkdirat"):
        mode = n.get_argument(1 if name == "mkdir" else 2) & 0o7777
        if not is_inside(path, downloads):
            print('portal: %s "%s": outside Downloads, refused (EACCES)' % (name, path))
            n.respond_errno(errno.EACCES)
            return True
        try:
            os.mkdir(path, mode)
        except OSError as e:
            print('portal: %s "%s": made by the portal, failed (%s)' % (name, path, e.strerror))
            n.respond_errno(e.errno)
            return True
        print('portal: %s "%s" 0%o: made by the portal, answered 0' % (name, path, mode))
        n.respond_value(0)
        return True

    if name == "openat":
        flags = n.get_argument(2)
        if path != document or (flags & os.O_ACCMODE) != os.O_RDONLY:
            print('portal: openat "%s": not granted, refused (EACCES)' % path)
            n.respond_errno(errno.EACCES)
            return True
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            add_flags = Scmp.AddFdFlags.CLOEXEC if flags & os.O_CLOEXEC else Scmp.AddFdFlags.NONE
            target_fd = n.respond_fd(fd, add_flags)
            print('portal: openat "%s": granted read-only, fd %d in the child' % (path, target_fd))
        except GLib.Error as e:
            print('portal: openat "%s": could not pass the fd: %s' % (path, e.message))
        finally:
            os.close(fd)
        return True

    print("portal: unexpected", name)
    return False                                # the fallback errno answers


parent_sock, child_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    status = 2
    try:
        parent_sock.close()
        if flt.load_prepared_send_listener(child_sock.fileno()) == 0:
            status = child()
    finally:
        os._exit(status)
child_sock.close()

notifier = Scmp.Notifier.new_from_socket(parent_sock.fileno(), None)
parent_sock.close()

loop = GLib.MainLoop()
result = {}


def on_child_exit(pid, status):
    result["status"] = status
    loop.quit()


def on_timeout():
    print("portal: the child did not finish in time", file=sys.stderr)
    loop.quit()
    return GLib.SOURCE_REMOVE


notifier.connect("notification", on_notification)
notifier.start()
GLib.child_watch_add(GLib.PRIORITY_DEFAULT, pid, on_child_exit)
GLib.timeout_add_seconds(20, on_timeout)
loop.run()
notifier.close()
shutil.rmtree(root)

if "status" not in result:
    sys.exit(1)
code = os.waitstatus_to_exitcode(result["status"])
if code != 0:
    sys.exit("The child's checks failed (exit status %d)" % code)
print("portal: the child got every answer it expected")

#!/usr/bin/python3
# portal-supervisor.py: answer a sandboxed child's mkdir and open like a
# portal would
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The child's filter hands mkdir/mkdirat and open/openat to this process
# (the NOTIFY action). In the main loop the supervisor reads the path from
# the child's memory and makes directories inside "documents" itself
# (answering 0). It opens the one granted file read-only and installs the
# descriptor in the child. Everything else gets EACCES. It never lets a
# call continue on the strength of a path, because the child could change
# the path after the check. A real portal also resolves relative paths
# against the child's cwd or dirfd; this one takes absolute paths only.

import errno
import os
import socket
import sys
import tempfile

import gi
gi.require_version('GLib', '2.0')
gi.require_version('Scmp', '1.0')
from gi.repository import GLib, Scmp

GRANTED_TEXT = b'granted by the portal\n'
PATH_ARGUMENT = {'mkdir': 0, 'mkdirat': 1, 'open': 0, 'openat': 1}


def inside(path, directory):
    rest = path[len(directory) + 1:]
    return (path.startswith(directory + '/') and rest and '/' not in rest
            and rest not in ('.', '..'))


class Portal:
    def __init__(self, documents, granted):
        self.documents = documents
        self.granted = granted

    def on_notification(self, notifier, notification):
        name = notification.get_syscall_name()
        if name not in PATH_ARGUMENT:
            return False  # not ours: the fallback errno answers
        try:
            path = notification.read_path(PATH_ARGUMENT[name])
        except GLib.Error as e:
            print(f'portal: {name}: {e.message}')
            notification.respond_errno(errno.EFAULT)
            return True

        try:
            if name.startswith('mkdir') and inside(path, self.documents):
                os.mkdir(path, 0o700)
                print(f'portal: {name}("{path}"): made it, answering 0')
                notification.respond_value(0)
            elif name.startswith('open') and path == self.granted:
                fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
                try:
                    child_fd = notification.respond_fd(fd, Scmp.AddFdFlags.CLOEXEC)
                finally:
                    os.close(fd)
                print(f'portal: {name}("{path}"): granted, read-only, as fd {child_fd}')
            else:
                print(f'portal: {name}("{path}"): denied, EACCES')
                notification.respond_errno(errno.EACCES)
        except OSError as e:
            notification.respond_errno(e.errno)
        except GLib.Error as e:
            # The child died or its call was interrupted (Scmp.Error.NOT_PENDING).
            print(f'portal: could not answer: {e.message}')
        return True


def child(documents, outside, granted, private):
    """Runs after the filter is loaded. It makes only system calls and
    imports nothing."""
    failed = []

    def check(cond, what):
        if not cond:
            failed.append(what)

    os.mkdir(os.path.join(documents, 'new'))
    try:
        os.mkdir(os.path.join(outside, 'new'))
        check(False, 'mkdir outside documents succeeded')
    except PermissionError:
        pass

    fd = os.open(granted, os.O_RDONLY)
    check(not os.get_inheritable(fd), 'the granted fd is close-on-exec')
    check(os.read(fd, 64) == GRANTED_TEXT, 'the granted file reads back')
    os.close(fd)
    try:
        os.open(private, os.O_RDONLY)
        check(False, 'open of the private file succeeded')
    except PermissionError:
        pass

    for what in failed:
        os.write(2, f'child: {what}\n'.encode())
    return 1 if failed else 0


def main():
    if not Scmp.kernel_supports_action(Scmp.ActionKind.NOTIFY):
        print('This kernel has no user notification', file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix='portal-') as tmp:
        documents = os.path.join(tmp, 'documents')
        outside = os.path.join(tmp, 'elsewhere')
        granted = os.path.join(tmp, 'granted.txt')
        private = os.path.join(tmp, 'private.txt')
        os.mkdir(documents)
        os.mkdir(outside)
        with open(granted, 'wb') as f:
            f.write(GRANTED_TEXT)
        with open(private, 'wb') as f:
            f.write(b'private\n')

        filt = Scmp.Filter.new(Scmp.Action.new_allow())
        for call in PATH_ARGUMENT:
            filt.add_rule(Scmp.Rule.new(call, Scmp.Action.new_notify()))
        filt.prepare()

        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            if filt.load_prepared_send_listener(child_end.fileno()) < 0:
                os._exit(127)
            os._exit(child(documents, outside, granted, private))
        child_end.close()

        notifier = Scmp.Notifier.new_from_socket(parent_end.fileno(), None)
        parent_end.close()
        portal = Portal(documents, granted)
        loop = GLib.MainLoop()
        status = []

        def on_child_exit(pid, wait_status):
            status.append(wait_status)
            loop.quit()

        notifier.connect('notification', portal.on_notification)
        GLib.child_watch_add(GLib.PRIORITY_DEFAULT, pid, on_child_exit)
        notifier.start()
        loop.run()

        try:
            GLib.spawn_check_wait_status(status[0])
        except GLib.Error as e:
            print(f"portal: the child's checks failed: {e.message}")
            return 1
        if not os.path.isdir(os.path.join(documents, 'new')):
            print('portal: the directory was not made')
            return 1
        print('portal: the child saw every answer it expected')
        return 0


if __name__ == '__main__':
    sys.exit(main())

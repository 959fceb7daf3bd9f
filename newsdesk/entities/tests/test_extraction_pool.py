"""The back-fill's worker pool ends when it is done, whatever SIGTERM handler the calling process had set."""

import signal

from django.test import SimpleTestCase

from newsdesk.entities.extraction import ExtractionPool


def sigterm_is_default() -> bool:
    return signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


class ExtractionPoolTests(SimpleTestCase):
    def test_workers_end_on_sigterm_whatever_handler_the_caller_had(self):
        # terminate() ends the workers with SIGTERM. Workers that inherited a handler which does not exit (a
        # long-running command's, left set in the process) outlived it, and the pool's join waited for ever.
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
        self.addCleanup(signal.signal, signal.SIGTERM, previous)
        with ExtractionPool(nlp=None, gazetteer=None, processes=2) as workers:
            answers = [workers.pool.apply(sigterm_is_default) for _ in range(4)]
        self.assertEqual(answers, [True] * 4)

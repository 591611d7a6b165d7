"""An aiosmtpd handler for the tests: a Maildir like aiosmtpd.handlers.Mailbox, but any
recipient whose address starts with "nobody" is refused for good (550 5.1.1), as a real
server refuses an address that does not exist."""
from aiosmtpd.handlers import Mailbox


class RejectingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody"):
            return "550 5.1.1 <%s>: no such user" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

package io.natprobe.shell;

import io.natprobe.punch.LinkStatus;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PunchException;
import io.natprobe.rendezvous.SessionCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "session", header = "Start (`session new`) or join (`session join CODE`) a punch session.", description = {
    "Starts or joins a punch session on the server. One side runs `session new` and reads the code",
    "to the other side, which runs `session join CODE`. Both then know each other's public address."},
        subcommands = {SessionStep.New.class, SessionStep.Join.class})
final class SessionStep extends Step {

    SessionStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        throw ShellError.usage("say `session new` or `session join CODE`");
    }

    @Command(name = "new", description = "Creates a session and registers in it; prints the code for the other side.")
    static final class New extends Step {
        New(ShellContext ctx) {
            super(ctx);
        }

        @Override
        int run() throws PunchException {
            PeerLink link = ctx.newLink();
            SessionCode code;
            try {
                code = link.createSession();
            } catch (PunchException e) {
                ctx.closeLink();
                throw e;
            }
            LinkStatus s = link.status();
            ctx.out.println("session " + code + " created" + (s.role() == null ? "" : "; you are " + s.role()) + ".");
            ctx.out.println("On the other side, run:  session join " + code);
            return 0;
        }
    }

    @Command(name = "join", description = "Registers in the session with this code (from the other side or from support).")
    static final class Join extends Step {
        @Parameters(paramLabel = "CODE", description = "e.g. 4817-orbit-lantern")
        String code;

        Join(ShellContext ctx) {
            super(ctx);
        }

        @Override
        int run() throws PunchException {
            SessionCode parsed;
            try {
                parsed = SessionCode.parse(code);
            } catch (IllegalArgumentException e) {
                throw ShellError.usage(e.getMessage());
            }
            PeerLink link = ctx.newLink();
            try {
                link.join(parsed);
            } catch (PunchException e) {
                ctx.closeLink();
                throw e;
            }
            LinkStatus s = link.status();
            ctx.out.println("joined session " + parsed + (s.role() == null ? "" : " as " + s.role())
                    + (s.peerReflexive() == null ? "; the peer's address shows as a state line once the server announces it"
                    : "; the peer's public address is " + StatusStep.address(s.peerReflexive())) + ".");
            return 0;
        }
    }
}

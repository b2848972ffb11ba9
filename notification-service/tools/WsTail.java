import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * A command-line WebSocket client for trying the service (JDK only, no build step):
 * {@code java tools/WsTail.java ws://127.0.0.1:8086/ws/notifications?after=0 "$TOKEN" ['{"action":"join",...}' ...]}
 * prints every frame it receives; the extra arguments are sent as frames after the connection opens.
 */
public class WsTail {

    public static void main(String[] args) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + args[1])
                .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            System.out.println(text);
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        System.out.println("closed " + code + " " + reason);
                        closed.countDown();
                        return null;
                    }
                }).join();
        for (int i = 2; i < args.length; i++) {
            socket.sendText(args[i], true).join();
        }
        closed.await();
    }
}

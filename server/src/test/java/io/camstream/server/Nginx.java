package io.camstream.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx, started in the foreground with a generated configuration whose pid, log and temp paths are all in
 * a directory of the test: the load balancer of README's "Scaling out" section, in front of camstream edges.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static Nginx start(Path dir, List<String> edges) throws IOException, InterruptedException {
        int port = FreePort.pick();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, edges));
        Process process = new ProcessBuilder(Tools.path("nginx"), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, dir, port);
        try {
            Await.until("nginx listens on " + port + " (" + dir + ")", Duration.ofSeconds(20), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx exited: " + nginx.log());
                }
                return FreePort.listening(port);
            });
        } catch (AssertionError | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** The configuration README shows, with every path inside the test's directory. */
    static String config(Path dir, int port, List<String> edges) {
        String servers = edges.stream()
                .map(edge -> "        server " + edge + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream camstream_edges {
                        least_conn;
                %2$s
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://camstream_edges;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_buffering off;
                            proxy_read_timeout 1h;
                            proxy_next_upstream error timeout http_502 http_503;
                            add_header X-Camstream-Edge $upstream_addr always;
                        }
                    }
                }
                """.formatted(dir, servers, port);
    }

    int port() {
        return port;
    }

    String log() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error.log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

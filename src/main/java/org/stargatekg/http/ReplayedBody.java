package org.stargatekg.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body a filter has already read, offered again, whole, to the next in the chain. */
public final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    public ReplayedBody(HttpServletRequest req, byte[] body) {
        super(req);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String enc = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
        return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(enc)));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}

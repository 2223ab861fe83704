package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// server is a child process serving HTTP, its output in a log file.
type server struct {
	label string
	cmd   *exec.Cmd
	log   *os.File
	exit  chan error // closed after the process ended, holding Wait's error
}

// startServer starts name with args in dir, adding env to the environment
// (later entries win), its stdout and stderr in logPath.
func startServer(label, logPath, dir string, env []string, name string, args ...string) (*server, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, f, f
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("start %s: %w", label, err)
	}
	s := &server{label: label, cmd: cmd, log: f, exit: make(chan error, 1)}
	go func() { s.exit <- cmd.Wait(); close(s.exit) }()
	return s, nil
}

// waitReady polls url until it answers 200, failing early if the process
// ends, and at the deadline.
func (s *server) waitReady(ctx context.Context, url, body string, within time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	for {
		method := http.MethodGet
		if body != "" {
			method = http.MethodPost
		}
		req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
		if err != nil {
			return err
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-s.exit:
			return fmt.Errorf("%s exited before answering (%v); see %s", s.label, err, s.log.Name())
		case <-ctx.Done():
			return fmt.Errorf("%s did not answer %s within %s; see %s", s.label, url, within, s.log.Name())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// stop asks the process to finish (SIGTERM: both servers shut down
// gracefully on it) and kills it if it has not within 15 s.
func (s *server) stop() {
	defer s.log.Close()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		s.cmd.Process.Kill()
	}
	select {
	case <-s.exit:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.exit
	}
}

// freePort returns a port nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

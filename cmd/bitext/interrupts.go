package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interrupts handles Ctrl-C and SIGTERM. Outside a write, bitext stops at
// once, as it would by default: nothing is being written that matters
// (the editions are written atomically, and a temporary file left behind
// is removed by the next run). During a transaction (the locale files and
// the history), the signal only cancels the context: the file being
// written is finished and the transaction stops at that file boundary,
// where every prefix of it is consistent. A second signal stops bitext
// at once, which is safe too, only less tidy.
type interrupts struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	ch     chan os.Signal
	done   chan struct{}

	mu      sync.Mutex
	writing int
}

func catchInterrupts(stderr io.Writer) *interrupts {
	ctx, cancel := context.WithCancelCause(context.Background())
	in := &interrupts{ctx: ctx, cancel: cancel, ch: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-in.ch:
			signal.Stop(in.ch)
			in.mu.Lock()
			if in.writing == 0 {
				fmt.Fprintf(stderr, "bitext: interrupted (%v)\n", sig)
				os.Exit(exitInterrupted)
			}
			fmt.Fprintf(stderr, "bitext: %v: finishing the file being written, then stopping…\n", sig)
			in.cancel(fmt.Errorf("%v", sig))
			in.mu.Unlock()
		case <-in.done:
		}
	}()
	return in
}

func (in *interrupts) stop() {
	signal.Stop(in.ch)
	close(in.done)
}

// writing runs fn, a transaction that stops cleanly when the context is
// cancelled, with signals turned into that cancellation. A nil receiver
// (tests) just runs fn.
func (in *interrupts) guard(fn func() error) error {
	if in == nil {
		return fn()
	}
	in.mu.Lock()
	in.writing++
	in.mu.Unlock()
	defer func() {
		in.mu.Lock()
		in.writing--
		in.mu.Unlock()
	}()
	return fn()
}

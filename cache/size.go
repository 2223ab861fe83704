package cache

import (
	"reflect"
	"sync"
	"unsafe"
)

// Sizer estimates the heap bytes a value holds, by walking what it refers
// to: strings, slices, maps and pointers, each counted once however often
// it is reached. A map counts its slots as Go lays them out (groups of 8, at
// most 7/8 full), not its exact allocation; what allocation rounds up is
// not counted. It is what the cache's byte bound weighs entries by.
type Sizer struct {
	seen map[unsafe.Pointer]bool
}

// NewSizer returns a sizer that has counted nothing yet.
func NewSizer() *Sizer { return &Sizer{seen: map[unsafe.Pointer]bool{}} }

// SizeOf is the estimated bytes v holds, itself included.
func SizeOf(v any) int64 { return NewSizer().Size(v) }

// Exclude marks what v refers to as counted elsewhere (shared values, kept
// once for many entries): Size then skips it.
func (s *Sizer) Exclude(v any) {
	if v != nil {
		s.refs(reflect.ValueOf(v))
	}
}

// Size is the bytes v holds, itself included, less what this sizer has
// counted or excluded before.
func (s *Sizer) Size(v any) int64 {
	if v == nil {
		return 0
	}
	rv := reflect.ValueOf(v)
	return int64(rv.Type().Size()) + s.refs(rv)
}

// first says p has not been counted yet, and marks it.
func (s *Sizer) first(p unsafe.Pointer) bool {
	if p == nil || s.seen[p] {
		return false
	}
	s.seen[p] = true
	return true
}

// refs counts what v refers to, not v's own bytes (its holder counts those).
func (s *Sizer) refs(v reflect.Value) int64 {
	switch v.Kind() {
	case reflect.String:
		str := v.String()
		if len(str) == 0 || !s.first(unsafe.Pointer(unsafe.StringData(str))) {
			return 0
		}
		return int64(len(str))
	case reflect.Pointer:
		if v.IsNil() || !s.first(v.UnsafePointer()) {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + s.refs(e)
	case reflect.Slice:
		if v.IsNil() || v.Cap() == 0 || !s.first(v.UnsafePointer()) {
			return 0
		}
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		if refers(v.Type().Elem()) {
			for i := range v.Len() {
				n += s.refs(v.Index(i))
			}
		}
		return n
	case reflect.Map:
		if v.IsNil() || !s.first(v.UnsafePointer()) {
			return 0
		}
		kt, et := v.Type().Key(), v.Type().Elem()
		n := mapBytes(v.Len(), int64(kt.Size()+et.Size()))
		if refers(kt) || refers(et) {
			for it := v.MapRange(); it.Next(); {
				n += s.refs(it.Key()) + s.refs(it.Value())
			}
		}
		return n
	case reflect.Struct:
		if !refers(v.Type()) {
			return 0
		}
		var n int64
		for i := range v.NumField() {
			n += s.refs(v.Field(i))
		}
		return n
	case reflect.Array:
		if !refers(v.Type()) {
			return 0
		}
		var n int64
		for i := range v.Len() {
			n += s.refs(v.Index(i))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		if e.Kind() == reflect.Pointer || e.Kind() == reflect.Map {
			return s.refs(e) // held in the interface word itself
		}
		return int64(e.Type().Size()) + s.refs(e)
	}
	return 0 // numbers, bools; funcs and channels are not cached
}

// mapBytes is a Go map of n entries of slot bytes each: groups of 8 slots
// and a control word, grown to a power of two at 7/8 full, plus its header.
func mapBytes(n int, slot int64) int64 {
	slots := int64(8)
	for slots*7/8 < int64(n) {
		slots *= 2
	}
	return 48 + slots*slot + slots // a control byte a slot
}

var refersMemo sync.Map // reflect.Type -> bool

// refers says a value of t can refer to memory outside itself.
func refers(t reflect.Type) bool {
	if r, ok := refersMemo.Load(t); ok {
		return r.(bool)
	}
	r := false
	switch t.Kind() {
	case reflect.String, reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		r = true
	case reflect.Array:
		r = t.Len() > 0 && refers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if refers(t.Field(i).Type) {
				r = true
				break
			}
		}
	}
	refersMemo.Store(t, r)
	return r
}

// etcd for the integration tests, built from the Go module proxy (see ../../../ensure-binaries.sh).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }

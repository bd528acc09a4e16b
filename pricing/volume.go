package pricing

import "strconv"

// Block storage families. Importers and sheets classify every block storage
// offer so that a quote compares like with like: a workload's disks are
// priced on general-purpose SSD volumes only, never on magnetic disks,
// snapshots or provisioned-IOPS volumes that happen to be cheaper or dearer.
const (
	VolumeGeneralSSD      = "general_purpose_ssd" // gp3/gp2, Balanced PD, Azure Standard/Premium SSD, DO Volumes
	VolumePerformanceSSD  = "performance_ssd"     // SSD PD and the like
	VolumeProvisionedIOPS = "provisioned_iops"    // io1/io2
	VolumeHDD             = "hdd"                 // st1/sc1/magnetic, Standard PD, Azure Standard HDD
)

// IsVolume reports whether the offer prices general-purpose SSD disk space
// a quote can use: per GB-month, or per disk of a fixed size (unit month
// with attribute disk_gib, as Azure sells managed disks).
func IsVolume(o Offer) bool {
	if o.Service != BlockStorage || o.Family != VolumeGeneralSSD {
		return false
	}
	switch o.Unit {
	case PerGBMonth:
		return true
	case PerMonth:
		_, ok := DiskGiB(o)
		return ok
	}
	return false
}

// DiskGiB is the size of the disk a per-disk offer sells.
func DiskGiB(o Offer) (int, bool) {
	n, err := strconv.Atoi(o.Attributes["disk_gib"])
	return n, err == nil && n > 0
}

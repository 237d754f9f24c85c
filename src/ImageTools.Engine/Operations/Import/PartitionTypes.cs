using System;
using System.Linq;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>The partition types that tell a Windows disk from a Linux one (MBR type bytes, GPT type GUIDs).</summary>
    internal static class PartitionTypes
    {
        private static readonly byte[] MbrWindows = { 0x07, 0x27 };          // NTFS / exFAT, Windows RE
        private static readonly byte[] MbrLinux = { 0x82, 0x83, 0x8E };      // swap, Linux, LVM

        private static readonly Guid[] GptWindows =
        {
            new Guid("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7"), // Microsoft basic data
            new Guid("E3C9E316-0B5C-4DB8-817D-F92DF00215AE"), // Microsoft reserved
            new Guid("DE94BBA4-06D1-4D40-A16A-BFD50179D6AC"), // Windows recovery
        };

        private static readonly Guid[] GptLinux =
        {
            new Guid("0FC63DAF-8483-4772-8E79-3D69D8477DE4"), // Linux filesystem
            new Guid("E6D6D379-F507-44C2-A23C-238F2A3DF928"), // Linux LVM
            new Guid("4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709"), // Linux root (x86-64)
            new Guid("0657FD6D-A4AB-43C4-84E5-0933C84B4F4F"), // Linux swap
        };

        /// <summary>Linux when a Linux partition is there (a Linux disk may also hold a basic data partition), else Windows when a Windows one is.</summary>
        public static string OfMbr(byte[] types) =>
            types.Any(t => MbrLinux.Contains(t)) ? "Linux" : types.Any(t => MbrWindows.Contains(t)) ? "Windows" : "";

        public static string OfGpt(Guid[] types) =>
            types.Any(t => GptLinux.Contains(t)) ? "Linux" : types.Any(t => GptWindows.Contains(t)) ? "Windows" : "";
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class VmSizeState
    {
        public string Name { get; set; } = "";
        public int Cores { get; set; }
    }
}

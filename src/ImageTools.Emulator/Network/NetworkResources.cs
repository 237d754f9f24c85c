using System.Net;
using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Network;

/// <summary>
/// Microsoft.Network (2023-09-01 shapes): virtualNetworks with subnets (inline and as children),
/// networkInterfaces, publicIPAddresses, networkSecurityGroups. PUTs are LROs with Azure-AsyncOperation.
/// </summary>
internal static class NetworkResources
{
    private const string Ns = "Microsoft.Network";
    private const string Rg = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network";
    public const string VnetType = "Microsoft.Network/virtualNetworks";
    public const string SubnetType = "Microsoft.Network/virtualNetworks/subnets";
    public const string NicType = "Microsoft.Network/networkInterfaces";
    public const string PipType = "Microsoft.Network/publicIPAddresses";
    public const string NsgType = "Microsoft.Network/networkSecurityGroups";

    public static void Map(ArmRouter r)
    {
        r.Put(Rg + "/virtualNetworks/{name}", PutVnet);
        r.Get(Rg + "/virtualNetworks/{name}", c => ArmResponse.Ok(RenderVnet(c, Tracked.Require(c, Id(c, "virtualNetworks")))));
        r.Delete(Rg + "/virtualNetworks/{name}", c => Tracked.DeleteOrNoContent(c, Id(c, "virtualNetworks"), vnet =>
        {
            foreach (var subnet in c.State.ChildrenOf(vnet)) EnsureSubnetUnused(c, subnet);
            return Tracked.DeleteLro(c, vnet, onDeleted: () => { foreach (var s in c.State.ChildrenOf(vnet).ToList()) c.State.Remove(s); });
        }));
        r.Get(Rg + "/virtualNetworks", c => Tracked.ListIn(c, VnetType, c.R("rg"), v => RenderVnet(c, v)));

        r.Put(Rg + "/virtualNetworks/{name}/subnets/{subnet}", PutSubnet);
        r.Get(Rg + "/virtualNetworks/{name}/subnets/{subnet}", c => ArmResponse.Ok(RenderSubnet(c, Tracked.Require(c, SubnetId(c)))));
        r.Get(Rg + "/virtualNetworks/{name}/subnets", c =>
        {
            var vnet = Tracked.Require(c, Id(c, "virtualNetworks"));
            return ArmResponse.List(c, c.State.ChildrenOf(vnet).OrderBy(s => s.Created).Select(s => (JsonNode)RenderSubnet(c, s)));
        });
        r.Delete(Rg + "/virtualNetworks/{name}/subnets/{subnet}", c =>
        {
            Tracked.RequireParents(c, SubnetId(c));
            return Tracked.DeleteOrNoContent(c, SubnetId(c), s => { EnsureSubnetUnused(c, s); return Tracked.DeleteLro(c, s); });
        });

        r.Put(Rg + "/networkInterfaces/{name}", PutNic);
        r.Get(Rg + "/networkInterfaces/{name}", c => ArmResponse.Ok(Tracked.Require(c, Id(c, "networkInterfaces")).Body));
        r.Get(Rg + "/networkInterfaces", c => Tracked.ListIn(c, NicType, c.R("rg")));
        r.Delete(Rg + "/networkInterfaces/{name}", c => Tracked.DeleteOrNoContent(c, Id(c, "networkInterfaces"), nic =>
        {
            if (nic.Properties.Str("virtualMachine", "id") is string vm && c.State.Find(vm) is not null)
                throw new ArmError(400, "NicInUse", $"Network Interface {nic.Id} is used by existing resource {vm}. In order to delete the network interface, you must first delete the resource or disassociate the network interface from it.").AsException();
            return Tracked.DeleteLro(c, nic, onDeleted: () => DetachPublicIps(c, nic));
        }));

        r.Put(Rg + "/publicIPAddresses/{name}", PutPublicIp);
        r.Get(Rg + "/publicIPAddresses/{name}", c => ArmResponse.Ok(Tracked.Require(c, Id(c, "publicIPAddresses")).Body));
        r.Get(Rg + "/publicIPAddresses", c => Tracked.ListIn(c, PipType, c.R("rg")));
        r.Delete(Rg + "/publicIPAddresses/{name}", c => Tracked.DeleteOrNoContent(c, Id(c, "publicIPAddresses"), pip =>
        {
            if (pip.Properties.Str("ipConfiguration", "id") is string cfg && c.State.Find(string.Join('/', cfg.Split('/').Take(9))) is not null)
                throw new ArmError(400, "PublicIPAddressInUse", $"Public IP address {pip.Id} can not be deleted since it is still allocated to resource {cfg}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.").AsException();
            return Tracked.DeleteLro(c, pip);
        }));

        r.Put(Rg + "/networkSecurityGroups/{name}", PutNsg);
        r.Get(Rg + "/networkSecurityGroups/{name}", c => ArmResponse.Ok(Tracked.Require(c, Id(c, "networkSecurityGroups")).Body));
        r.Get(Rg + "/networkSecurityGroups", c => Tracked.ListIn(c, NsgType, c.R("rg")));
        r.Delete(Rg + "/networkSecurityGroups/{name}", c => Tracked.DeleteOrNoContent(c, Id(c, "networkSecurityGroups"), nsg => Tracked.DeleteLro(c, nsg)));
    }

    private static ResourceId Id(ArmContext c, string type) => Tracked.RouteId(c, Ns, type, "name");
    private static ResourceId SubnetId(ArmContext c) => Tracked.RouteId(c, Ns, "virtualNetworks", "name", "subnets", "subnet");
    private static string Etag() => $"W/\"{Guid.NewGuid()}\"";

    /// <summary>Creates or updates a top-level network resource; <paramref name="fill"/> completes its properties.</summary>
    private static ArmResponse Upsert(ArmContext c, ResourceId rid, Action<ArmResource, JsonObject> fill)
    {
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var body = c.Body;
        var existing = c.State.Find(rid);
        var location = Tracked.RequireLocation(body, rid.FullType, existing?.Location);
        var properties = body["properties"] is JsonObject p ? Json.CloneObject(p) : Json.NewObject();
        var resource = new ArmResource(existing?.Rid ?? rid, Tracked.NewBody(existing?.Rid ?? rid, location, Tracked.Tags(body), properties)) { Created = existing?.Created ?? DateTimeOffset.UtcNow };
        resource.Body["etag"] = Etag();
        if (body["sku"] is JsonObject sku) resource.Body["sku"] = sku.DeepClone();
        if (body["zones"] is JsonArray zones) resource.Body["zones"] = zones.DeepClone();
        properties["resourceGuid"] = existing?.Properties.Str("resourceGuid") ?? Guid.NewGuid().ToString();
        fill(resource, properties);
        c.State.Put(resource);
        return Tracked.PutLro(c, resource, existing is null, "networkCreate");
    }

    // ---- virtual networks and subnets ----------------------------------------------------------
    private static ArmResponse PutVnet(ArmContext c)
    {
        var rid = Id(c, "virtualNetworks");
        var requested = c.Body.Objects("properties", "subnets").ToList();
        var previous = c.State.Find(rid);
        if (previous is not null)
        {
            foreach (var old in c.State.ChildrenOf(previous).ToList())
            {
                if (!requested.Any(s => string.Equals(s.Str("name"), old.Name, StringComparison.OrdinalIgnoreCase))) { EnsureSubnetUnused(c, old); c.State.Remove(old); }
            }
        }
        var response = Upsert(c, rid, (vnet, properties) =>
        {
            if (properties.At("addressSpace", "addressPrefixes") is not JsonArray { Count: > 0 })
                throw ArmErrors.InvalidParameter("Required parameter 'addressSpace.addressPrefixes' is missing (null).", "addressSpace").AsException();
            properties.Remove("subnets");
            properties["virtualNetworkPeerings"] ??= new JsonArray();
            properties["enableDdosProtection"] ??= false;
            foreach (var s in requested)
            {
                var name = s.Str("name") ?? throw ArmErrors.InvalidParameter("Required parameter 'subnet.name' is missing (null).", "subnets").AsException();
                StoreSubnet(c, vnet.Rid, name, s["properties"] as JsonObject);
            }
        });
        return ArmResponse.Json(response.Status, RenderVnet(c, c.State.Find(rid)!)).CopyHeaders(response);
    }

    private static ArmResponse PutSubnet(ArmContext c)
    {
        var rid = SubnetId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        Tracked.RequireParents(c, rid);
        var existed = c.State.Find(rid) is not null;
        var subnet = StoreSubnet(c, rid.Parent!, rid.Name, c.Body["properties"] as JsonObject);
        return ArmResponse.Json(existed ? 200 : 201, RenderSubnet(c, subnet)).WithHeaders(c, Lro.Start(c, "networkCreate", Ns, c.State.Find(rid.Parent!)!.Location, null));
    }

    private static ArmResource StoreSubnet(ArmContext c, ResourceId vnetId, string name, JsonObject? requested)
    {
        var rid = vnetId with { Chain = vnetId.Chain.Append(("subnets", name)).ToArray() };
        var existing = c.State.Find(rid);
        var properties = requested is null ? Json.NewObject() : Json.CloneObject(requested);
        if (properties.Str("addressPrefix") is null && properties.At("addressPrefixes") is null)
            throw ArmErrors.InvalidParameter($"Subnet '{name}' is not valid because its address prefix is missing.", "addressPrefix").AsException();
        properties["provisioningState"] = "Succeeded";
        properties["privateEndpointNetworkPolicies"] ??= "Disabled";
        properties["privateLinkServiceNetworkPolicies"] ??= "Enabled";
        var body = Json.NewObject();
        body["id"] = rid.Format();
        body["name"] = existing?.Name ?? name;
        body["etag"] = Etag();
        body["type"] = SubnetType;
        body["properties"] = properties;
        var subnet = new ArmResource(existing?.Rid ?? rid, body) { Created = existing?.Created ?? DateTimeOffset.UtcNow };
        c.State.Put(subnet);
        return subnet;
    }

    private static IEnumerable<ArmResource> NicsOnSubnet(ArmContext c, ArmResource subnet) =>
        c.State.OfType(NicType).Where(n => n.Properties.Objects("ipConfigurations").Any(ip =>
            string.Equals(ResourceId.Key(ip.Str("properties", "subnet", "id") ?? "/"), ResourceId.Key(subnet.Id), StringComparison.Ordinal)));

    private static void EnsureSubnetUnused(ArmContext c, ArmResource subnet)
    {
        var nic = NicsOnSubnet(c, subnet).FirstOrDefault();
        if (nic is not null)
            throw new ArmError(400, "InUseSubnetCannotBeDeleted", $"Subnet {subnet.Name} is in use by {nic.Id}/ipConfigurations/{nic.Properties.Objects("ipConfigurations").First().Str("name")} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.").AsException();
    }

    private static JsonObject RenderSubnet(ArmContext c, ArmResource subnet)
    {
        var body = Json.CloneObject(subnet.Body);
        var configs = NicsOnSubnet(c, subnet).SelectMany(n => n.Properties.Objects("ipConfigurations").Select(ip => (JsonNode)new JsonObject { ["id"] = ip.Str("id") })).ToArray();
        if (configs.Length > 0) body.Obj("properties")["ipConfigurations"] = new JsonArray(configs);
        return body;
    }

    private static JsonObject RenderVnet(ArmContext c, ArmResource vnet)
    {
        var body = Json.CloneObject(vnet.Body);
        body.Obj("properties")["subnets"] = new JsonArray(c.State.ChildrenOf(vnet).OrderBy(s => s.Created).Select(s => (JsonNode)RenderSubnet(c, s)).ToArray());
        return body;
    }

    // ---- network interfaces ----------------------------------------------------------------------
    private static ArmResponse PutNic(ArmContext c)
    {
        var rid = Id(c, "networkInterfaces");
        var previous = c.State.Find(rid);
        return Upsert(c, rid, (nic, properties) =>
        {
            var configs = properties.Objects("ipConfigurations").ToList();
            if (configs.Count == 0)
                throw ArmErrors.InvalidParameter($"Network interface {nic.Id} must have one or more IP configurations.", "ipConfigurations").AsException();
            var index = 0;
            foreach (var config in configs)
            {
                var name = config.Str("name") ?? "ipconfig" + (index + 1);
                config["name"] = name;
                config["id"] = nic.Id + "/ipConfigurations/" + name;
                config["type"] = "Microsoft.Network/networkInterfaces/ipConfigurations";
                config["etag"] = nic.Body.Str("etag");
                var cp = config.Obj("properties");
                var subnetId = cp.Str("subnet", "id") ?? throw ArmErrors.InvalidParameter($"Subnet is required for IP configuration {config["id"]}.", "subnet").AsException();
                var subnet = c.State.Find(subnetId) ?? throw ArmErrors.NicNotFound(subnetId, nic.Id).AsException();
                var vnet = c.State.Find(subnet.Rid.Parent!)!;
                if (vnet.Location != nic.Location)
                    throw ArmErrors.InvalidParameter($"Subnet {subnetId} referenced by resource {nic.Id} is in location {vnet.Location}, but the resource is in location {nic.Location}.", "subnet").AsException();
                if (cp.Str("publicIPAddress", "id") is string pipId)
                {
                    var pip = c.State.Find(pipId) ?? throw ArmErrors.NicNotFound(pipId, nic.Id).AsException();
                    pip.Properties["ipConfiguration"] = new JsonObject { ["id"] = config["id"]!.GetValue<string>() };
                    pip.Properties["ipAddress"] ??= $"20.{c.State.Random.Next(1, 250)}.{c.State.Random.Next(1, 250)}.{c.State.Random.Next(1, 250)}";
                }
                cp["provisioningState"] = "Succeeded";
                cp["privateIPAllocationMethod"] ??= "Dynamic";
                cp["privateIPAddressVersion"] ??= "IPv4";
                cp["primary"] = index == 0;
                cp["privateIPAddress"] ??= previous?.Properties.Objects("ipConfigurations").FirstOrDefault(o => o.Str("name") == name)?.Str("properties", "privateIPAddress")
                    ?? NextAddress(c, subnet);
                index++;
            }
            if (previous?.Properties["virtualMachine"] is JsonNode vm) properties["virtualMachine"] = vm.DeepClone();
            properties["macAddress"] = previous?.Properties.Str("macAddress") ?? string.Join("-", Enumerable.Range(0, 6).Select(i => i < 3 ? new[] { "00", "0D", "3A" }[i] : c.State.Random.Next(0, 256).ToString("X2")));
            properties["primary"] = true;
            properties["enableAcceleratedNetworking"] ??= false;
            properties["enableIPForwarding"] ??= false;
            properties["dnsSettings"] ??= new JsonObject { ["dnsServers"] = new JsonArray(), ["appliedDnsServers"] = new JsonArray() };
            properties["nicType"] ??= "Standard";
            properties["vnetEncryptionSupported"] ??= false;
            if (properties.Str("networkSecurityGroup", "id") is string nsgId && c.State.Find(nsgId) is null)
                throw ArmErrors.NicNotFound(nsgId, nic.Id).AsException();
        });
    }

    private static string NextAddress(ArmContext c, ArmResource subnet)
    {
        var prefix = subnet.Properties.Str("addressPrefix") ?? subnet.Properties.At("addressPrefixes")?.AsArray().FirstOrDefault()?.GetValue<string>() ?? "10.0.0.0/24";
        var baseAddress = IPAddress.TryParse(prefix.Split('/')[0], out var ip) ? ip.GetAddressBytes() : new byte[] { 10, 0, 0, 0 };
        var used = NicsOnSubnet(c, subnet).Count();
        var host = 4 + used;
        baseAddress[3] = (byte)(baseAddress[3] + host % 250);
        baseAddress[2] = (byte)(baseAddress[2] + host / 250);
        return new IPAddress(baseAddress).ToString();
    }

    private static void DetachPublicIps(ArmContext c, ArmResource nic)
    {
        foreach (var config in nic.Properties.Objects("ipConfigurations"))
            if (config.Str("properties", "publicIPAddress", "id") is string pipId && c.State.Find(pipId) is ArmResource pip) pip.Properties.Remove("ipConfiguration");
    }

    // ---- public IPs and NSGs ------------------------------------------------------------------------
    private static ArmResponse PutPublicIp(ArmContext c) => Upsert(c, Id(c, "publicIPAddresses"), (pip, properties) =>
    {
        var previous = c.State.Find(pip.Id);
        pip.Body["sku"] ??= new JsonObject { ["name"] = "Standard", ["tier"] = "Regional" };
        var standard = string.Equals(pip.Body.Str("sku", "name"), "Standard", StringComparison.OrdinalIgnoreCase);
        properties["publicIPAddressVersion"] ??= "IPv4";
        properties["publicIPAllocationMethod"] ??= standard ? "Static" : "Dynamic";
        properties["idleTimeoutInMinutes"] ??= 4;
        if (previous?.Properties["ipConfiguration"] is JsonNode cfg) properties["ipConfiguration"] = cfg.DeepClone();
        if (standard || previous?.Properties.Str("ipAddress") is not null)
            properties["ipAddress"] = previous?.Properties.Str("ipAddress") ?? $"20.{c.State.Random.Next(1, 250)}.{c.State.Random.Next(1, 250)}.{c.State.Random.Next(1, 250)}";
    });

    private static ArmResponse PutNsg(ArmContext c) => Upsert(c, Id(c, "networkSecurityGroups"), (nsg, properties) =>
    {
        properties["securityRules"] ??= new JsonArray();
        foreach (var rule in properties.Objects("securityRules"))
        {
            rule["id"] = nsg.Id + "/securityRules/" + rule.Str("name");
            rule["type"] = "Microsoft.Network/networkSecurityGroups/securityRules";
            rule.Obj("properties")["provisioningState"] = "Succeeded";
        }
        properties["defaultSecurityRules"] = new JsonArray(
            DefaultRule(nsg, "AllowVnetInBound", 65000, "Inbound", "Allow", "VirtualNetwork"),
            DefaultRule(nsg, "AllowAzureLoadBalancerInBound", 65001, "Inbound", "Allow", "AzureLoadBalancer"),
            DefaultRule(nsg, "DenyAllInBound", 65500, "Inbound", "Deny", "*"),
            DefaultRule(nsg, "AllowVnetOutBound", 65000, "Outbound", "Allow", "VirtualNetwork"),
            DefaultRule(nsg, "AllowInternetOutBound", 65001, "Outbound", "Allow", "*"),
            DefaultRule(nsg, "DenyAllOutBound", 65500, "Outbound", "Deny", "*"));
    });

    private static JsonNode DefaultRule(ArmResource nsg, string name, int priority, string direction, string access, string source) => new JsonObject
    {
        ["name"] = name,
        ["id"] = nsg.Id + "/defaultSecurityRules/" + name,
        ["type"] = "Microsoft.Network/networkSecurityGroups/defaultSecurityRules",
        ["properties"] = new JsonObject
        {
            ["provisioningState"] = "Succeeded", ["protocol"] = "*", ["sourcePortRange"] = "*", ["destinationPortRange"] = "*",
            ["sourceAddressPrefix"] = source, ["destinationAddressPrefix"] = "*", ["access"] = access, ["priority"] = priority, ["direction"] = direction,
        },
    };

    private static ArmResponse CopyHeaders(this ArmResponse target, ArmResponse source)
    {
        foreach (var (k, v) in source.Headers) target.Headers[k] = v;
        return target;
    }
}

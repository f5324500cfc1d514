import LoupeTestSupport
import Testing

@testable import LoupeServices

@Suite(.offCooperativePool) struct IPAddressTests {
  @Test(arguments: [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
  ])
  func internalAddressesAreRefused(_ text: String) throws {
    let address = try #require(IPAddress(text))
    #expect(address.isInternal)
    #expect(!FetchPolicy().permits(address))
  }

  @Test(arguments: ["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
  func publicAddressesArePermitted(_ text: String) throws {
    let address = try #require(IPAddress(text))
    #expect(!address.isInternal)
    #expect(FetchPolicy().permits(address))
  }

  @Test func allowListOpensOnlyItsNetworks() throws {
    var policy = FetchPolicy()
    policy.allowedNetworks = [try #require(IPNetwork("127.0.0.0/8")), try #require(IPNetwork("fd12::/16"))]
    #expect(policy.permits(try #require(IPAddress("127.0.0.1"))))
    #expect(policy.permits(try #require(IPAddress("::ffff:127.0.0.2"))))
    #expect(policy.permits(try #require(IPAddress("fd12:3::1"))))
    #expect(!policy.permits(try #require(IPAddress("10.0.0.1"))))
    #expect(!policy.permits(try #require(IPAddress("169.254.169.254"))))
  }

  @Test func networksParseStrictly() {
    #expect(IPNetwork("10.0.0.0/33") == nil)
    #expect(IPNetwork("example.com/8") == nil)
    #expect(IPNetwork("10.0.0.0/x") == nil)
    #expect(IPNetwork("10.1.2.3")?.prefixLength == 32)
    #expect(IPNetwork("172.16.0.0/12")?.contains(IPAddress("172.20.1.1")!) == true)
  }
}

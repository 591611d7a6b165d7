// The read gate (net/http/read_gate.h): at most so many reads at once, in the order they
// came, none held past its patience, and writes never behind them.
#include "net/http/read_gate.h"
#include "support/http_client.h"
#include "support/office_client.h"
#include "support/running_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

using namespace std::chrono_literals;
using tracker::net::ReadGate;
using namespace tracker::testing;

namespace
{
// Waits (bounded) until `gate` has seen `count` reads wait.
void awaitWaiting(const ReadGate& gate, std::uint64_t count)
{
    for (int i = 0; i < 500 && gate.stats().waited < count; ++i)
        std::this_thread::sleep_for(10ms);
    REQUIRE(gate.stats().waited == count);
}
} // namespace

TEST_CASE("the read gate lets reads in as slots free up, first come first served",
          "[net][http][gate]")
{
    ReadGate gate(1, 10s);
    auto first = std::make_unique<ReadGate::Slot>(gate.enter());
    REQUIRE(first->held());
    std::atomic<int> order{0};
    std::atomic<int> a{0}, b{0};
    std::promise<void> releaseA;
    auto waitingA = std::async(std::launch::async,
                               [&]
                               {
                                   const auto slot = gate.enter();
                                   a = ++order;
                                   releaseA.get_future().wait();
                                   return slot.held();
                               });
    awaitWaiting(gate, 1);
    auto waitingB = std::async(std::launch::async,
                               [&]
                               {
                                   const auto slot = gate.enter();
                                   b = ++order;
                                   return slot.held();
                               });
    awaitWaiting(gate, 2);
    CHECK(a == 0); // both wait while the one slot is held
    CHECK(b == 0);
    first.reset(); // A came first: the slot is A's, and B still waits for it
    for (int i = 0; i < 500 && a == 0; ++i)
        std::this_thread::sleep_for(10ms);
    CHECK(a == 1);
    CHECK(b == 0);
    releaseA.set_value();
    CHECK(waitingA.get());
    CHECK(waitingB.get());
    CHECK(b == 2);
    CHECK(gate.stats().timedOut == 0);
}

TEST_CASE("a read waits for a slot no longer than its patience", "[net][http][gate]")
{
    ReadGate gate(1, 30ms);
    const auto held = gate.enter();
    REQUIRE(held.held());
    const auto late = gate.enter();
    CHECK_FALSE(late.held()); // it goes on without a slot
    CHECK(gate.stats().timedOut == 1);
    CHECK(gate.stats().waited == 1);
}

// The point of the gate: a write is worked on at once even while every read slot is taken,
// and the reads queued behind the slots are answered once one frees up.
TEST_CASE("a write is answered while every read slot is held, and the reads follow",
          "[net][http][gate]")
{
    RunningServer running("demo",
                          [](tracker::net::ServerSettings& settings)
                          {
                              settings.readSlots = 1;
                              settings.readPatienceMs = 20000;
                          });
    auto* gate = running.server->readGate();
    REQUIRE(gate != nullptr);
    auto official = createPerson(running, "official@example.vn", tracker::Role::CityOfficial);
    REQUIRE(httpGet(running.port(), "/clusters/huu-bang").status == 200);

    auto slot = std::make_unique<ReadGate::Slot>(gate->enter()); // the only slot
    REQUIRE(slot->held());
    auto read = std::async(std::launch::async,
                           [&] { return httpGet(running.port(), "/clusters/huu-bang").status; });
    awaitWaiting(*gate, 1);
    const auto written =
        sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/tenants",
                 R"({"company_name": "Công ty TNHH Cổng Đọc", "tax_code": "0100109106",
                     "leased_area_m2": 1000, "registered_capital_vnd": 1000000000,
                     "confirm": "1", "confirm_reason": "kiểm thử"})");
    INFO(written.body);
    CHECK(written.status == 201);
    CHECK(read.wait_for(0s) != std::future_status::ready); // still behind the held slot
    slot.reset();
    CHECK(read.get() == 200);
    CHECK(gate->stats().timedOut == 0);
}

TEST_CASE("without http.readSlots there is no gate", "[net][http][gate]")
{
    RunningServer running;
    CHECK(running.server->readGate() == nullptr);
    CHECK(httpGet(running.port(), "/").status == 200);
}

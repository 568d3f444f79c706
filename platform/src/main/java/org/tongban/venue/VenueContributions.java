package org.tongban.venue;

import static org.tongban.facility.spi.FacilityType.Attribute.count;
import static org.tongban.facility.spi.FacilityType.Attribute.number;
import static org.tongban.facility.spi.FacilityType.Attribute.yesNo;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityTypeSource;

/** The culture and sports venue types the plans count (三馆一站, 农家书屋, 全民健身, "一场两馆"). */
@Component
class VenueContributions implements FacilityTypeSource {

  @Override
  public List<FacilityType> facilityTypes() {
    var seats = count("seats", "座位/容量", "Seats or capacity").optional();
    return List.of(
        FacilityType.of("venue.library", "公共图书馆", "Public library", "culture-tourism", seats,
            count("volumes", "藏书（册）", "Volumes").optional()).withBookings(),
        FacilityType.of("venue.cultural-centre", "文化馆", "Cultural centre", "culture-tourism", seats).withBookings(),
        FacilityType.of("venue.museum", "博物馆", "Museum", "culture-tourism", seats).withBookings(),
        FacilityType.of("venue.art-gallery", "美术馆", "Art gallery", "culture-tourism", seats).withBookings(),
        FacilityType.of("venue.university-museum", "高校博物馆", "University museum", "culture-tourism",
            yesNo("openToPublic", "向社会开放", "Open to the public")).withBookings(),
        FacilityType.of("venue.village-library", "农家书屋", "Village reading room", "culture-tourism",
            count("volumes", "藏书（册）", "Volumes").optional()),
        FacilityType.of("venue.fitness-centre", "全民健身中心", "Public fitness centre", "sports", seats).withBookings(),
        FacilityType.of("venue.community-court", "社区多功能运动场", "Community multi-sport court", "sports").withBookings(),
        FacilityType.of("venue.sports-park", "体育公园", "Sports park", "sports",
            number("area", "面积（公顷）", "Area (ha)", 0.01, 10_000).optional()),
        FacilityType.of("venue.football-pitch", "足球场", "Football pitch", "sports").withBookings(),
        FacilityType.of("venue.fitness-trail", "健身步道", "Fitness trail", "sports",
            number("lengthKm", "长度（公里）", "Length (km)", 0.1, 1_000)),
        FacilityType.of("venue.village-square", "村级全民健身广场", "Village fitness square", "sports"),
        FacilityType.of("venue.stadium", "体育场", "Stadium", "sports", seats).withBookings(),
        FacilityType.of("venue.gymnasium", "体育馆", "Gymnasium", "sports", seats).withBookings());
  }

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(new FacilityFact("venue.trail-metres", "健身步道长度（米）", "venue.fitness-trail",
        f -> f.attributes().get("lengthKm") instanceof Number km ? Math.round(km.doubleValue() * 1000) : 0));
  }
}

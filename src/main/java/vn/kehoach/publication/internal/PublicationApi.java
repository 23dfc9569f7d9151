package vn.kehoach.publication.internal;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.publication.Publication;
import vn.kehoach.publication.PublicationKind;
import vn.kehoach.publication.Publications;

/** Publishing over the API: what is published for a unit's year, publish, withdraw. */
@RestController
@RequestMapping("/api/v1/publications")
@Tag(name = "Công khai", description = "Công bố văn bản kế hoạch, chỉ tiêu và biểu công khai ngân sách")
class PublicationApi {

    private final Publications publications;

    PublicationApi(Publications publications) {
        this.publications = publications;
    }

    @GetMapping(value = "/{unit}/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các lần công bố của đơn vị và năm (cả đã thu hồi), mới nhất trước")
    List<Publication> list(@PathVariable String unit, @PathVariable int year) {
        return publications.history(unit, year);
    }

    @PostMapping(value = "/{unit}/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Công bố: what=plan,targets,budget (mặc định cả ba); signing=NONE|SERVER_KEY|UPLOADED; "
            + "file: tệp PDF đã ký khi signing=UPLOADED (được kiểm tra chữ ký trước khi nhận)")
    List<Publication> publish(@PathVariable String unit, @PathVariable int year,
                              @RequestParam(required = false) String what,
                              @RequestParam(required = false) String signing,
                              @RequestParam(required = false) MultipartFile file) {
        return publications.publish(unit, year, PublicationKind.parseList(what), PublicationPages.signing(signing),
                PublicationPages.bytes(file));
    }

    @DeleteMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Thu hồi một nội dung đang công khai")
    Publication withdraw(@PathVariable long id) {
        return publications.withdraw(id);
    }
}
